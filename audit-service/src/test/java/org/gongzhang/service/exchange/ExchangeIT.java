package org.gongzhang.service.exchange;

import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Base of the exchange tests: the whole service, and {@link ExchangeBooks} over it. */
abstract class ExchangeIT extends ServiceIT {

    @Autowired
    CustodialKeys keys;
    @Autowired
    CustodialSigner signer;
    @Autowired
    BookDirectory directory;
    @Autowired
    ReportBooks reportBooks;

    ExchangeBooks books;

    @BeforeEach
    void books() {
        books = new ExchangeBooks(client, keys, signer, directory, reportBooks);
    }
}
