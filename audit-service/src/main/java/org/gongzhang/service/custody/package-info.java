/** Custodial signing: keys the service keeps for people who sign through it; their entries say so. */
package org.gongzhang.service.custody;
