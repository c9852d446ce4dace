package org.gongzhang.reporting.api;

import java.time.LocalDate;
import java.util.Objects;
import org.gongzhang.verifier.entry.Custody;

/**
 * A 公共收益收支公示表 as printed and posted in the compound: the figures, where the compound
 * belongs, who prepared, reviewed and audited them, the signed checkpoint they rest on, where a
 * resident verifies them, and, once the statement is published, its id, version and 公示期.
 * Whatever is unknown is null and prints as "—"; nothing is made up.
 *
 * @param figures     the statement's figures
 * @param place       街道 / 社区 / 小区
 * @param signatories 编制 / 复核 / 审核
 * @param checkpoint  the signed checkpoint the figures rest on, or null
 * @param verifyUrl   the public page that verifies the statement (printed and as a QR code), or null
 * @param publication the published statement's id, version and 公示期, or null for an unpublished one,
 *                    which prints as a draft (草稿) so that it cannot pass for the posted statement
 * @param date        编制日期, or null
 * @param issuer      公示单位 and 监督电话
 * @param custody     of the period's entries within the checkpoint, how many the service signed for
 *                    their actors (代签); null when unknown, and then not printed
 */
public record StatementSheet(StatementView figures, Place place, Signatories signatories, Checkpoint checkpoint,
        String verifyUrl, Publication publication, LocalDate date, Issuer issuer, Custody custody) {

    /** A sheet that does not say how many of its entries the service signed. */
    public StatementSheet(StatementView figures, Place place, Signatories signatories, Checkpoint checkpoint,
            String verifyUrl, Publication publication, LocalDate date, Issuer issuer) {
        this(figures, place, signatories, checkpoint, verifyUrl, publication, date, issuer, null);
    }

    public StatementSheet {
        Objects.requireNonNull(figures, "figures");
        place = place == null ? Place.UNKNOWN : place;
        signatories = signatories == null ? Signatories.UNKNOWN : signatories;
        issuer = issuer == null ? Issuer.UNKNOWN : issuer;
    }

    /** Not posted: printed from the books as they stand, or a version not yet published. */
    public boolean draft() {
        return publication == null || publication.status() == Status.DRAFT;
    }

    /**
     * Who posts the statement and where residents complain about it; each may be null.
     *
     * @param publisher 公示单位, e.g. the community's residents' committee
     * @param hotline   监督电话, the supervision hotline
     */
    public record Issuer(String publisher, String hotline) {
        public static final Issuer UNKNOWN = new Issuer(null, null);
    }

    /**
     * Where the compound belongs; each name may be null.
     *
     * @param street    街道 / 镇
     * @param community 社区
     * @param compound  小区
     */
    public record Place(String street, String community, String compound) {
        public static final Place UNKNOWN = new Place(null, null, null);
    }

    /**
     * The people who answer for the figures; each may be null.
     *
     * @param preparer 编制: the accounting agent's preparer (制单)
     * @param reviewer 复核: the accounting agent's reviewer (审核)
     * @param auditor  审核: the community auditor (社区审核员) who signs the statement off
     */
    public record Signatories(String preparer, String reviewer, String auditor) {
        public static final Signatories UNKNOWN = new Signatories(null, null, null);
    }

    /**
     * A signed checkpoint (检查点) of the book's log: its first {@code size} entries have this
     * Merkle root.
     *
     * @param size tree size, the number of entries
     * @param root Merkle root, lowercase hex
     */
    public record Checkpoint(long size, String root) {
    }

    /**
     * A published statement: immutable once posted, corrected only by a new version.
     *
     * @param statementId the statement's id
     * @param version     from 1
     * @param status      where the version stands
     * @param postingFrom first day of the 公示期, or null
     * @param postingTo   last day of the 公示期, or null
     * @param late        逾期公示: first published after the disclosure calendar's due date
     */
    public record Publication(String statementId, int version, Status status, LocalDate postingFrom,
            LocalDate postingTo, boolean late) {
    }

    /** Where a statement version stands. */
    public enum Status {
        /** 草稿: not yet signed off. */
        DRAFT,
        /** 已公示: signed off and posted. */
        PUBLISHED,
        /** 已更正: a later version replaces it; it stays visible. */
        SUPERSEDED
    }
}
