/** The transparency log around each book: the log key, signed checkpoints, verification and bundles. */
package org.gongzhang.service.log;
