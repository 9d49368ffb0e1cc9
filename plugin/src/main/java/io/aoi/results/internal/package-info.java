/**
 * Internal, not part of the plugin's API: the JSON records that the wire forms of a result share (Jackson data
 * binding). Each wire form has its own record beside its encoder and builds on these: the journal line
 * ({@code io.aoi.results.journal}), the OPC UA ResultContent ({@code io.aoi.opcua}) and the {@code inspect} output
 * file ({@code io.aoi.plugin.cli}). The domain records ({@link io.aoi.results.InspectionResult},
 * {@link io.aoi.results.BumpCount}) carry no JSON annotations; each record here maps its domain type both ways.
 */
package io.aoi.results.internal;
