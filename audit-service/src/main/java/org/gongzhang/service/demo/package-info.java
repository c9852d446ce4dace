/** Demo data: one street, one community, two compounds and a year of signed entries, loaded once. */
package org.gongzhang.service.demo;
