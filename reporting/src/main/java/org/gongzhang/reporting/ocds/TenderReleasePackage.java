package org.gongzhang.reporting.ocds;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * The OCDS 1.1.5 release package of one tender: one release per entry of its lifecycle
 * (published, each bid, opening, evaluation, award, award notice, contract, each payment and its
 * release, acceptance, final account), read from the book's signed entries alone. Pure: the same
 * entries give the same bytes. The package is dated by its last release, as OCDS asks of packages
 * made on demand.
 */
public final class TenderReleasePackage {

    /** The OCDS major.minor version a package states. */
    public static final String OCDS_VERSION = "1.1";

    private static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(ReleaseWriter.NODES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private TenderReleasePackage() {
    }

    /**
     * The release package of {@code tenderId}.
     *
     * @param entries the book's accepted entries in log order, from {@code book.opened} on; entries of
     *                other tenders and other business are skipped
     * @throws IllegalArgumentException when the entries do not begin with {@code book.opened} or
     *                                  hold no publication of the tender
     */
    public static ObjectNode of(OcdsSettings settings, List<SignedEntry> entries, String tenderId) {
        if (entries.isEmpty() || !"book.opened".equals(entries.get(0).header().kind())) {
            throw new IllegalArgumentException("the entries must begin with book.opened");
        }
        TenderProcess process = new TenderProcess(tenderId);
        ReleaseWriter writer = new ReleaseWriter(settings, process);
        ArrayNode releases = ReleaseWriter.NODES.arrayNode();
        EntryHeader last = null;
        for (SignedEntry entry : entries) {
            EntryHeader header = entry.header();
            List<String> tags = process.apply(entry, header);
            if (!tags.isEmpty()) {
                releases.add(writer.release(header, tags));
                last = header;
            }
        }
        if (last == null) {
            throw new IllegalArgumentException("tender " + tenderId + " was not published in these entries");
        }
        ObjectNode pack = ReleaseWriter.NODES.objectNode();
        pack.put("uri", settings.packageUri(last.book(), tenderId).toString());
        ObjectNode publisher = pack.putObject("publisher").put("name", settings.publisherName());
        if (settings.publisherUid() != null) {
            publisher.put("scheme", settings.publisherScheme()).put("uid", settings.publisherUid());
        }
        pack.put("publishedDate", last.recordedAt().toString());
        pack.put("version", OCDS_VERSION);
        pack.set("releases", releases);
        return pack;
    }

    /** The package as JSON text, amounts written as plain decimals (e.g. {@code 98000.00}). */
    public static String toJson(ObjectNode releasePackage) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(releasePackage);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
