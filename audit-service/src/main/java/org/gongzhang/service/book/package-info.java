/** The directory of books the service keeps: which compound, community and street each belongs to. */
package org.gongzhang.service.book;
