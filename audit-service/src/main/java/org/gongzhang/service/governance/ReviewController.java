package org.gongzhang.service.governance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 待审事项: the logged-in person's inbox across every book they serve — the approval steps they may
 * take now, each with its review deadline and whether a reminder was raised, and the steps that
 * waited too long and were escalated to their level (社区 for the community auditor, 街道 for the
 * town officer).
 */
@RestController
class ReviewController {

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/api/reviews")
    Reviews.Inbox inbox() {
        return reviews.inbox();
    }
}
