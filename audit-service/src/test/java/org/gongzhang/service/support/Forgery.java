package org.gongzhang.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The strongest forgery an insider with write access to PostgreSQL (and a full dump of it) can
 * make, without the key store: change one entry's text, then make the whole book consistent again.
 * Every key the book registered is replaced by a new one the forger holds (in the genesis and in
 * {@code key.registered} entries), every entry is re-chained and re-signed, the service's own index
 * of entry hashes is rewritten, the book's checkpoints are replaced by one signed with a new log key
 * of the same name, and the {@code log_key} row is made to publish that key.
 */
public final class Forgery {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final String book;
    private final Tamper tamper;
    private final Map<String, ClientKeys> byNewKeyId = new HashMap<>();
    private final Map<String, String> replacements = new HashMap<>();
    private final List<SignedEntry> forged = new ArrayList<>();
    private NoteSigner logKey;
    private SignedNote checkpoint;

    public Forgery(JdbcTemplate jdbc, String book) {
        this.jdbc = jdbc;
        this.book = book;
        this.tamper = new Tamper(jdbc, book);
    }

    /** Rewrites the book with {@code text} replaced by {@code replacement} in entry {@code index}. */
    public Forgery rewrite(long index, String text, String replacement) {
        long size = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, book);
        List<SignedEntry> stored = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            stored.add(tamper.stored(i));
        }
        stored.forEach(this::replaceKeysRegisteredBy);
        String prev = SignedEntry.GENESIS_PREV;
        for (int i = 0; i < stored.size(); i++) {
            String entry = stored.get(i).entry();
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                entry = entry.replace(r.getKey(), r.getValue());
            }
            if (i == index) {
                assertThat(entry).as("entry %d", i).contains(text);
                entry = entry.replace(text, replacement);
            }
            entry = entry.replace("\"prev\":\"" + stored.get(i).header().prev() + "\"", "\"prev\":\"" + prev + "\"");
            ClientKeys signer = byNewKeyId.get(new SignedEntry(entry, "").header().keyId());
            byte[] signature = signer.suite().sign(signer.pair().getPrivate(), entry.getBytes(StandardCharsets.UTF_8));
            SignedEntry resigned = new SignedEntry(entry, Base64.getEncoder().encodeToString(signature));
            store(i, resigned);
            forged.add(resigned);
            prev = resigned.hash();
        }
        jdbc.update("delete from snapshot_event_entry where aggregate_identifier = ?", book);
        replaceCheckpoints();
        return this;
    }

    /** The forged book as the forger would hand it out, with the forged checkpoint and log key. */
    public Bundle bundle() {
        return Bundle.of(book, forged, Optional.of(checkpoint), logKey.verifierKey(), Instant.now());
    }

    private void replaceKeysRegisteredBy(SignedEntry entry) {
        JsonNode payload = entry.json().path("payload");
        List<JsonNode> keys = new ArrayList<>();
        payload.path("keys").forEach(keys::add);
        if (payload.has("keyId") && payload.has("publicKey")) {
            keys.add(payload);
        }
        for (JsonNode key : keys) {
            String oldKeyId = key.path("keyId").asText();
            if (replacements.containsKey(oldKeyId)) {
                continue;
            }
            ClientKeys replacement = ClientKeys.generate(key.path("actor").asText(),
                    Role.valueOf(key.path("role").asText()), SignatureSuite.byId(key.path("suite").asText()).orElseThrow());
            replacements.put(oldKeyId, replacement.keyId());
            replacements.put(key.path("publicKey").asText(),
                    Base64.getEncoder().encodeToString(replacement.pair().getPublic().getEncoded()));
            byNewKeyId.put(replacement.keyId(), replacement);
        }
    }

    private void store(long index, SignedEntry entry) {
        byte[] payload = jdbc.queryForObject(
                "select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                byte[].class, book, index);
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(payload);
            ((ObjectNode) event.path("entry")).put("entry", entry.entry()).put("signature", entry.signature());
            assertThat(jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = ?",
                    JSON.writeValueAsBytes(event), book, index)).isEqualTo(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(jdbc.update("update ledger_entry set entry_hash = ? where book_id = ? and entry_index = ?",
                entry.hash(), book, index)).isEqualTo(1);
        jdbc.queryForList("select ledger_merkle_rebuild(?)", book);
    }

    private void replaceCheckpoints() {
        String name = jdbc.queryForObject("select key_name from log_key", String.class);
        logKey = NoteSigner.generate(name);
        byte[] root = MerkleTree.root(forged.stream().map(SignedEntry::leafHash).toList());
        checkpoint = Checkpoint.forBook(book, forged.size(), root).sign(logKey);
        jdbc.update("delete from checkpoint where book_id = ?", book);
        jdbc.update("insert into checkpoint (book_id, tree_size, root, note, created_at) values (?, ?, ?, ?, ?)",
                book, forged.size(), Digests.hex(root), checkpoint.toString(), Timestamp.from(Instant.now()));
        assertThat(jdbc.update("update log_key set public_key = ? where key_name = ?",
                logKey.verifierKey().publicKey().getEncoded(), name)).isEqualTo(1);
    }
}
