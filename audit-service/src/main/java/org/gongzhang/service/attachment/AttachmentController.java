package org.gongzhang.service.attachment;

import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Content-addressed attachment store: the body's SHA-256 is its name, the same file twice is
 * stored once, and a voucher cites the hash in its signed payload.
 */
@RestController
@RequestMapping("/api/books/{book}/attachments")
class AttachmentController {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    private final AttachmentStore store;
    private final Access access;

    AttachmentController(AttachmentStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    /** Answers 201 for a new file, 200 when the same content was stored before. */
    @PostMapping(consumes = MediaType.ALL_VALUE)
    ResponseEntity<StoredAttachment> store(@PathVariable String book, @RequestBody(required = false) byte[] content,
            @RequestHeader(value = "Content-Type", defaultValue = "application/octet-stream") String mediaType) {
        access.require(book, AccessRole.AGENT_PREPARER, AccessRole.AGENT_REVIEWER, AccessRole.COMMITTEE_CHAIR,
                AccessRole.COMMITTEE_MEMBER, AccessRole.PROPERTY_COMPANY, AccessRole.COMMUNITY_AUDITOR,
                AccessRole.TOWN_OFFICER);
        if (content == null || content.length == 0) {
            throw LedgerRefusal.invalid("attachment.empty", "body");
        }
        if (content.length > MAX_BYTES) {
            throw LedgerRefusal.invalid("attachment.too-large", "body", MAX_BYTES);
        }
        AttachmentStore.Stored stored = store.store(book, content, mediaType);
        return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new StoredAttachment(stored.sha256(), content.length, mediaType));
    }

    @GetMapping("/{sha256}")
    ResponseEntity<byte[]> fetch(@PathVariable String book, @PathVariable String sha256) {
        return store.find(book, sha256)
                .map(c -> ResponseEntity.ok().contentType(MediaType.parseMediaType(c.mediaType())).body(c.bytes()))
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "attachment.not-found", "sha256", sha256));
    }

    /** What the store answers: the content address, size and type. */
    record StoredAttachment(String sha256, long size, String mediaType) {
    }
}
