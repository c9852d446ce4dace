package org.gongzhang.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.gongzhang.verifier.entry.SignedEntry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an insider with database access could do to a book behind the service's back: plain SQL
 * on Axon's {@code domain_event_entry} table (one row per entry, {@code sequence_number} = entry
 * index), and edits of an exported bundle file. Every operation fails the test if it did not
 * change exactly what it was meant to, so a test cannot pass because its tampering was a no-op.
 */
public final class Tamper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final String book;

    public Tamper(JdbcTemplate jdbc, String book) {
        this.jdbc = jdbc;
        this.book = book;
    }

    /** Replaces text inside the stored event of entry {@code index} (its signed entry JSON included). */
    public void replaceInEntry(long index, String text, String replacement) {
        int rows = jdbc.update("""
                update domain_event_entry
                set payload = convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8')
                where aggregate_identifier = ? and sequence_number = ?
                  and position(? in convert_from(payload, 'UTF8')) > 0""",
                text, replacement, book, index, text);
        assertThat(rows).as("entry %d of %s contains %s", index, book, text).isEqualTo(1);
    }

    /** Deletes the row of entry {@code index}. */
    public void deleteEntry(long index) {
        int rows = jdbc.update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                book, index);
        assertThat(rows).as("rows deleted").isEqualTo(1);
    }

    /** Deletes the rows of entry {@code from} and every later one. */
    public void deleteEntriesFrom(long from) {
        int rows = jdbc.update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number >= ?",
                book, from);
        assertThat(rows).as("rows deleted").isPositive();
    }

    /** Swaps the events (payload and type) of entries {@code a} and {@code b}; each keeps its sequence number. */
    public void swapEntries(long a, long b) {
        int rows = jdbc.update("""
                update domain_event_entry d
                set payload = o.payload, payload_type = o.payload_type
                from domain_event_entry o
                where d.aggregate_identifier = ? and o.aggregate_identifier = d.aggregate_identifier
                  and ((d.sequence_number = ? and o.sequence_number = ?) or (d.sequence_number = ? and o.sequence_number = ?))""",
                book, a, b, b, a);
        assertThat(rows).as("rows swapped").isEqualTo(2);
    }

    /** Puts the signature of entry {@code donor} in place of entry {@code index}'s own. */
    public void replaceSignature(long index, long donor) {
        replaceInEntry(index, stored(index).signature(), stored(donor).signature());
    }

    /** Changes one bit of the stored Merkle node at {@code level} and {@code index} (a subtree proofs are built from). */
    public void flipMerkleNode(int level, long index) {
        int rows = jdbc.update("""
                update merkle_node set hash = set_byte(hash, 0, get_byte(hash, 0) # 1)
                where book_id = ? and level = ? and node_index = ?""", book, level, index);
        assertThat(rows).isEqualTo(1);
    }

    /** Deletes the stored Merkle node at {@code level} and {@code index}. */
    public void deleteMerkleNode(int level, long index) {
        int rows = jdbc.update("delete from merkle_node where book_id = ? and level = ? and node_index = ?",
                book, level, index);
        assertThat(rows).isEqualTo(1);
    }

    /**
     * Inserts {@code forged} as a new row after the book's last one, as Axon would store an event
     * of {@code payloadType}; the other columns are copied from the last row.
     */
    public void append(SignedEntry forged, String payloadType) {
        long last = jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, book);
        ObjectNode payload = (ObjectNode) readPayload(last);
        payload.putObject("entry").put("entry", forged.entry()).put("signature", forged.signature());
        int rows = jdbc.update("""
                insert into domain_event_entry (global_index, sequence_number, meta_data, payload, aggregate_identifier,
                    event_identifier, payload_revision, payload_type, time_stamp, type)
                select nextval('domain_event_entry_seq'), ?, meta_data, ?, aggregate_identifier,
                    ?, payload_revision, ?, time_stamp, type
                from domain_event_entry where aggregate_identifier = ? and sequence_number = ?""",
                last + 1, bytes(payload), UUID.randomUUID().toString(), payloadType, book, last);
        assertThat(rows).as("rows inserted").isEqualTo(1);
    }

    /** The signed entry stored in the row of entry {@code index}. */
    public SignedEntry stored(long index) {
        JsonNode signed = readPayload(index).path("entry");
        return new SignedEntry(signed.path("entry").textValue(), signed.path("signature").textValue());
    }

    private JsonNode readPayload(long index) {
        byte[] payload = jdbc.queryForObject(
                "select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                byte[].class, book, index);
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new AssertionError("stored event " + index + " is not JSON", e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Rewrites the lines of {@code entries.jsonl} inside a bundle ZIP, leaving every other file
     * (manifest, checkpoint) as it was: what someone editing an exported bundle by hand would do.
     */
    public static void rewriteEntries(Path bundle, UnaryOperator<List<String>> edit) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(bundle)),
                StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        String jsonl = new String(files.get("entries.jsonl"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(jsonl.substring(0, jsonl.length() - 1).split("\n", -1)));
        StringBuilder edited = new StringBuilder();
        edit.apply(lines).forEach(line -> edited.append(line).append('\n'));
        assertThat(edited.toString()).as("edited entries.jsonl").isNotEqualTo(jsonl);
        files.put("entries.jsonl", edited.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        Files.write(bundle, out.toByteArray());
    }
}
