/**
 * 街道/社区 overview: every compound a community auditor or town officer oversees, in one answer
 * computed from the read models with a handful of set-based queries (not a few per compound), so
 * that it answers as quickly for a street of 2,000 compounds as for one.
 */
package org.gongzhang.service.overview;
