package org.serialgen.generation.packing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.generation.workorder.AggregationDemand;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.generation.workorder.WorkOrders;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.paging.PageRequest;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.smallrye.mutiny.Uni;

/** What the recorded packing says: a container's contents, the containers a number is in, a work order's tree. */
@ApplicationScoped
public class PackingQueries {

    /** A page of a container's contents. */
    record Contents(WorkOrder workOrder, String container, String level, long count, List<String> children) {
    }

    /** The containers a number is in, innermost first. */
    record Containers(
        @JsonProperty("number") String number,
        @Schema(description = "The container it is in, then the one that holds that, and so on")
        @JsonProperty("containers") List<Step> containers) {
    }

    record Step(@JsonProperty("container") String container, @JsonProperty("level") String level) {
    }

    /** A level of the breakdown whose containers carry a number, and how far its packing has come. */
    record LevelTree(
        @JsonProperty("level") String level,
        @JsonProperty("name") String name,
        @JsonProperty("identified_by") String identifiedBy,
        @JsonProperty("gtin") String gtin,
        @Schema(description = "Containers of the level the breakdown plans") @JsonProperty("containers") long containers,
        @Schema(description = "What one container holds at most, of the nearest level below whose containers carry a "
            + "number (the items themselves where the bundles carry none)")
        @JsonProperty("children_per_container") long childrenPerContainer,
        @Schema(description = "Containers of the level that hold something") @JsonProperty("packed_containers")
        long packedContainers,
        @Schema(description = "Children packed into containers of the level") @JsonProperty("packed_children")
        long packedChildren) {
    }

    record Tree(@JsonProperty("wo_id") String woId, @JsonProperty("levels") List<LevelTree> levels) {
    }

    private final WorkOrders workOrders;
    private final PackingRepository packing;

    PackingQueries(WorkOrders workOrders, PackingRepository packing) {
        this.workOrders = workOrders;
        this.packing = packing;
    }

    Uni<Contents> contents(String workOrderKey, String container, PageRequest page) {
        return workOrders.find(workOrderKey).flatMap(wo -> {
            Gs1Key key = read("container", container, wo);
            return packing.levels(List.of(key.key())).flatMap(levels -> {
                String level = levels.get(key.key());
                if (level == null) {
                    throw new ApiException.NotFound("NOT_A_CONTAINER", key.text() + " holds nothing");
                }
                return packing.countChildren(key.key()).flatMap(count -> packing.children(key.key(),
                        page.index() * page.size(), page.size())
                    .map(children -> new Contents(wo, key.text(), level, count,
                        children.stream().map(child -> Gs1Key.ofKey(child).text()).toList())));
            });
        });
    }

    Uni<Containers> containersOf(String workOrderKey, String number) {
        return workOrders.find(workOrderKey).flatMap(wo -> {
            Gs1Key key = read("number", number, wo);
            return up(key.key(), new ArrayList<>()).flatMap(chain -> packing.levels(chain).map(levels ->
                new Containers(key.text(), chain.stream().map(container -> new Step(Gs1Key.ofKey(container).text(),
                    levels.get(container))).toList())));
        });
    }

    /** From a number up to the outermost container (four levels at most, so the walk ends). */
    private Uni<List<String>> up(String key, List<String> chain) {
        if (chain.size() >= 4) {
            return Uni.createFrom().item(chain);
        }
        return packing.parentsOf(List.of(key)).flatMap(parents -> {
            String parent = parents.get(key);
            if (parent == null) {
                return Uni.createFrom().item(chain);
            }
            chain.add(parent);
            return up(parent, chain);
        });
    }

    Uni<Tree> tree(String workOrderKey) {
        return workOrders.find(workOrderKey).flatMap(wo -> workOrders.demand(wo.woId).flatMap(demand ->
            packing.counts(wo.id).map(counts -> {
                Map<String, PackingRepository.LevelCount> byLevel = counts.stream()
                    .collect(Collectors.toMap(PackingRepository.LevelCount::level, Function.identity()));
                PackingLevels breakdown = new PackingLevels(wo.gtin, AggregationDemand.levelsOf(demand));
                List<LevelTree> levels = new ArrayList<>();
                for (int k = 0; k < breakdown.size(); k++) {
                    // a level whose containers carry no number (bundles without a GTIN) is never packed
                    if (!breakdown.identified(k)) {
                        continue;
                    }
                    Level level = breakdown.at(k);
                    PackingRepository.LevelCount count = byLevel.get(level.level());
                    levels.add(new LevelTree(level.level(), level.name(), level.identifiedBy(), level.gtin(),
                        level.containers(), k == 0 ? 0 : breakdown.capacity(k, breakdown.below(k)),
                        count == null ? 0 : count.containers(), count == null ? 0 : count.children()));
                }
                return new Tree(wo.woId, levels);
            })));
    }

    private static Gs1Key read(String field, String text, WorkOrder wo) {
        if (text == null) {
            throw ApiException.Validation.of(field, "This parameter is required");
        }
        try {
            return Gs1Key.parse(text, wo.lot, wo.expiry);
        } catch (IllegalArgumentException e) {
            throw ApiException.Validation.of(field, e.getMessage());
        }
    }
}
