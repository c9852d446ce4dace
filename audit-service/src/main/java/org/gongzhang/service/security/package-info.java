/**
 * Who may do what, where. People log in (a bearer token for the API from {@code POST /api/session},
 * a form login for pages); each holds grants — a role within a scope (all, street, community,
 * compound, or an accounting agent firm's compounds). {@link org.gongzhang.service.security.Access}
 * checks a caller's grants against the book a request touches and refuses with 401/403 before
 * anything is written.
 *
 * <p>Reading a book is public: its entries are signed public records, and every report is
 * derived from them. {@code POST …/entries} and witness cosignatures are authenticated by their
 * signatures, the book's key registry being their access list. Everything else that changes state
 * goes through {@code Access}.
 */
package org.gongzhang.service.security;
