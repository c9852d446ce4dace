package org.gongzhang.service.demo;

import org.gongzhang.service.custody.CustodialKey;

/**
 * The people of the demo: the accounting agent's preparer (制单) and reviewer (审核), and the
 * community auditor (社区审核员). One agent firm keeps the books of both compounds.
 */
record DemoCast(CustodialKey preparer, CustodialKey reviewer, CustodialKey auditor) {
    static final String STREET_ID = "beishan";
    static final String STREET_NAME = "北山街道";
    static final String COMMUNITY_ID = "xinhe";
    static final String COMMUNITY_NAME = "新河社区";
}
