/** 业财社管: spending rule sets, the approval path they give a request, and where a request stands. */
package org.gongzhang.core.expenditure;
