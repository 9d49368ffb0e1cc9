/** The station pipeline: sources, deblur, detection and publication. */
package io.aoi.plugin;
