/** The Open Contracting Data Standard (OCDS 1.1.5) export of a tender (业标镇管), read from its signed entries. */
package org.gongzhang.reporting.ocds;
