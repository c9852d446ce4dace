/** The runnable audit service: REST API, persistence wiring and demo data. */
package org.gongzhang.service;
