package org.serialgen.aggregation.recipe;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One version of a recipe (table {@code recipe_version}), never changed once written. */
@Entity
@Table(name = "recipe_version")
@IdClass(RecipeVersion.Key.class)
public class RecipeVersion extends PanacheEntityBase {

    public static class Key implements Serializable {
        public Long recipeId;
        public Integer version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(recipeId, k.recipeId) && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(recipeId, version);
        }
    }

    @Id
    @Column(name = "recipe_id")
    public Long recipeId;

    @Id
    @Column(name = "version")
    public Integer version;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @ColumnTransformer(read = "CAST(levels AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(nullable = false)
    public String levels;

    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<RecipeLevel> levelList() {
        return RecipeRepository.levels(levels);
    }
}
