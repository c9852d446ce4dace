-- 审核提醒: a reminder raised on the last working day a pending approval step may take (the rule
-- set's review working days). One per step and waiting period; written by the review-deadline
-- saga, read by each reviewer's inbox. The escalation itself is a signed entry in the book.
create table gov_review_reminder (
    book_id       varchar(64) not null,
    request_id    varchar(64) not null,
    step          varchar(16) not null,
    pending_since date        not null,
    due_by        date        not null,
    reminded_at   timestamptz not null,
    constraint gov_review_reminder_pk primary key (book_id, request_id, step, pending_since)
);
