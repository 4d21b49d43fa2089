/**
 * The commerce domain beyond the generic refine step: the type 2 product and customer dimensions
 * ({@link dev.lakehouse.commerce.Scd2}, {@link dev.lakehouse.commerce.CommerceLoad}) and the daily
 * gold tables ({@link dev.lakehouse.commerce.CommerceGold}, {@link dev.lakehouse.commerce.CommercePublish}).
 */
package dev.lakehouse.commerce;
