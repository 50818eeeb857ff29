-- Work orders arrive in batches (a page of the ERP's): Hibernate takes their ids from the sequence 50 at a time, so
-- it can insert them 50 to a statement. No insert takes the column default any more (it would hand out an id of a
-- block Hibernate holds), so the default goes.
ALTER SEQUENCE workorder_serial_generation_id_seq INCREMENT BY 50;
ALTER TABLE workorder_serial_generation ALTER COLUMN id DROP DEFAULT;
