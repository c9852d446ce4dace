package org.gongzhang.verifier.cli;

/** What {@code ./ledger help} prints. */
final class HelpText {
    static final String TEXT = """
            ledger: verify a 公账 Gongzhang book without the server, and sign entries for it.

              ledger verify BUNDLE [--log-key KEY] [--since FILE] [--witness-key KEY]...
                     [--cosignatures K] [--json]
                  Check every entry's signature and key, the hash chain, the Merkle root and the signed
                  checkpoint of a bundle file. KEY is the log's note key (name+hash+base64), or a file
                  holding it (the service publishes it at /api/log-key); without it the key inside
                  the bundle is trusted on first use. After a log key rotation keep the key you
                  pinned: the bundle's log-key-rotations.txt leads from it to the key that signed.
                  --since FILE: a checkpoint you saved earlier (GET /api/books/BOOK/checkpoint); the
                  bundle must extend it, else it is a split view (two histories that disagree).
                  --witness-key KEY: a witness's note key, or a file of keys one per line; repeatable.
                  When given, only these witnesses count; without it the book's own community-auditor
                  and town-officer Ed25519 keys do (which the service may hold: pin your witnesses).
                  --cosignatures K: require K distinct witnesses to have cosigned the checkpoint.
                  Exit 0 when everything checks, 1 when anything fails, 2 on usage or I/O errors.
              ledger export --book BOOK --out FILE [--size N] [--from yyyy-MM --to yyyy-MM] [--server URL]
                  Download a book's bundle (server default: $LEDGER_SERVER or http://localhost:8080);
                  with --size, its first N entries and the cosigned checkpoint over exactly them;
                  with --from/--to, the statement (公示表) of those periods, which verify recomputes.
              ledger keygen --suite ed25519|sm2-sm3 --out PREFIX
                  Write PREFIX.key (PKCS#8 PEM) and PREFIX.pub (SPKI PEM); print the key id.
              ledger sign --key PREFIX.key --suite SUITE ENTRY.json
                  Canonicalize the entry (RFC 8785) and print {"entry":…,"signature":…}.
              ledger submit --server URL --key PREFIX.key --suite SUITE --book BOOK --actor ACTOR
                     --role ROLE --kind KIND --date yyyy-MM-dd PAYLOAD.json
                  Build the next entry of BOOK around PAYLOAD, sign it and post it to the server,
                  under the book's lease (other writers wait; up to 3 tries if the book moved on).
              ledger cosign --book BOOK --key WITNESS.key --name ACTOR --log-key KEY --state FILE
                     [--server URL]
                  As a witness (community auditor, town officer): fetch the book's latest checkpoint,
                  check the log's signature and, against the checkpoint saved in FILE by the last
                  cosign, a consistency proof; only then sign it with the Ed25519 key registered for
                  ACTOR, send the cosignature and save the checkpoint in FILE. Exit 1 on a split view.
              ledger witness init --key FILE --name NAME
                  Make the witness key FILE if it does not exist (Ed25519, PKCS#8 PEM, not encrypted,
                  file mode 0600: it never leaves this machine) and print its cosigner key
                  NAME+hash+base64, which the log's operator configures and auditors pin.
              ledger witness --listen HOST:PORT --state DIR --key FILE --name NAME --log-key KEY...
                     [--log-key-url URL] [--origin-prefix PREFIX]
                  Run an independent witness (the 社区 office, the 街道) speaking C2SP tlog-witness:
                  POST /add-checkpoint takes "old N", the consistency proof lines, a blank line and
                  the log's checkpoint; checks the log key's signature and that the checkpoint extends
                  the one cosigned last for its origin (kept in DIR, one file per log, replaced
                  atomically); answers a tlog-cosignature v1 line, or 409 with the size it knows
                  (text/x.tlog.size), 422 for a proof that fails (a split view: both checkpoints and
                  the proof are kept in DIR/evidence), 403 for a bad or missing log signature, 404
                  for an origin not under PREFIX (default gongzhang.org/book/), 400 when malformed.
                  GET /<sha256 hex of origin>/checkpoint answers the checkpoint cosigned last.
                  POST /log-key-rotation takes a log key rotation note: accepted only from a log key
                  it trusts now, signed by that key and the new one; kept in DIR, it then trusts the
                  new key instead (403 for the old key alone, 409 for a second successor).
                  --log-key-url (demo only): fetch the log key there once and pin it in DIR.
              ledger serve [--option=value ...]
                  (launcher only) build and run the service with its embedded PostgreSQL on :8080,
                  and two witnesses on 127.0.0.1:8091 and :8092 (state in ~/.gongzhang/witness-N).
              ledger help
            """;

    private HelpText() {
    }
}
