/**
 * Pages for people: the public, no-login pages residents read on a phone or a notice board
 * (zh-CN by default, {@code ?lang=en} switches and is remembered), the login page, and the
 * OpenAPI description of the REST API.
 */
package org.gongzhang.service.web;
