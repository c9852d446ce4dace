/**
 * 业财社管 and 业标镇管 through the service: the town's spending rule set, expenditure requests and
 * their approval path, declarations of interest, owners' joint decisions (民法典 §278), payments
 * against approved requests, tenders and contracts with their OCDS export. Every change is one
 * entry signed by the acting person's custodial key and judged by the book; {@code GovernanceIndex}
 * follows the entries into tables in the same transaction. A private payee's name stays in
 * {@code gov_payee_private}; the entries carry SHA-256(salt ‖ name).
 */
package org.gongzhang.service.governance;
