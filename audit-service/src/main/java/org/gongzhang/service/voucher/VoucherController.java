package org.gongzhang.service.voucher;

import org.gongzhang.service.web.JsonBodies;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vouchers and periods of a book over HTTP, each action one entry by the caller: signed by the
 * service for them where the deployment allows it, or answered 202 with the entry to sign with
 * their own key (header {@code Ledger-Key}) and post to {@code …/entries}.
 */
@RestController
@RequestMapping("/api/books/{book}")
class VoucherController {

    private final Access access;
    private final VoucherActions vouchers;

    VoucherController(Access access, VoucherActions vouchers) {
        this.access = access;
        this.vouchers = vouchers;
    }

    @PostMapping("/vouchers")
    ResponseEntity<VoucherActions.Done> record(@PathVariable String book, @RequestBody(required = false) String body) {
        return created(vouchers.record(access.require(book, AccessRole.AGENT_PREPARER), json(body)));
    }

    @PostMapping("/vouchers/{voucherId}/review")
    ResponseEntity<VoucherActions.Done> review(@PathVariable String book, @PathVariable String voucherId) {
        return created(vouchers.review(access.require(book, AccessRole.AGENT_REVIEWER, AccessRole.COMMUNITY_AUDITOR),
                voucherId));
    }

    @PostMapping("/vouchers/{voucherId}/post")
    ResponseEntity<VoucherActions.Done> post(@PathVariable String book, @PathVariable String voucherId) {
        return created(vouchers.post(access.require(book, AccessRole.AGENT_REVIEWER, AccessRole.AGENT_PREPARER),
                voucherId));
    }

    @PostMapping("/vouchers/{voucherId}/void")
    ResponseEntity<VoucherActions.Done> voidVoucher(@PathVariable String book, @PathVariable String voucherId,
            @RequestBody(required = false) String body) {
        return created(vouchers.voidVoucher(
                access.require(book, AccessRole.AGENT_PREPARER, AccessRole.AGENT_REVIEWER), voucherId, json(body)));
    }

    @PostMapping("/vouchers/{voucherId}/reverse")
    ResponseEntity<VoucherActions.Done> reverse(@PathVariable String book, @PathVariable String voucherId,
            @RequestBody(required = false) String body) {
        return created(vouchers.reverse(access.require(book, AccessRole.AGENT_PREPARER), voucherId, json(body)));
    }

    @PostMapping("/periods/{period}/close")
    ResponseEntity<EntryReceipt> close(@PathVariable String book, @PathVariable String period) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(vouchers.close(access.require(book, AccessRole.AGENT_REVIEWER), period));
    }

    @PostMapping("/periods/{period}/reopen")
    ResponseEntity<EntryReceipt> reopen(@PathVariable String book, @PathVariable String period,
            @RequestBody(required = false) String body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(vouchers.reopen(access.require(book, AccessRole.COMMUNITY_AUDITOR), period, json(body)));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode json(String body) {
        return JsonBodies.object(body, "request.body.invalid");
    }

    private static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }
}
