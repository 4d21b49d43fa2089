/**
 * The commerce domain beyond the generic refine step: the type 2 product and customer dimensions
 * ({@link dev.lakehouse.commerce.CommerceLoad} over {@link dev.lakehouse.load.Scd2}) and the daily
 * gold tables ({@link dev.lakehouse.commerce.CommerceGold}, {@link dev.lakehouse.commerce.CommercePublish}).
 */
package dev.lakehouse.commerce;
