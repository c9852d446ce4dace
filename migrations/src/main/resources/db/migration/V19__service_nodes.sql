-- The service nodes sharing this database, each as last seen (the database's own clock, so nodes
-- need not agree on the time). How many were seen in the last seconds decides how many segments
-- of each tracking processor one node keeps (ProcessorBalance); a node that stops beating drops out.
create table service_node (
    node_id varchar(64) not null,
    seen_at timestamptz not null,
    constraint service_node_pk primary key (node_id)
);
