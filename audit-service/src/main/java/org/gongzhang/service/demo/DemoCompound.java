package org.gongzhang.service.demo;

/** A demo 小区 and the scale of its public income (parking spaces drive most of it). */
record DemoCompound(String id, String name, String book, int parkingSpaces, String advertiser, String tower) {
}
