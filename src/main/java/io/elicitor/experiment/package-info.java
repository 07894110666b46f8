/**
 * A/B experiments on live traffic: experiment definitions with weighted arms (a strategy and its
 * parameters each), deterministic sticky assignment of sessions or users to arms, outcomes reported by the
 * app, and results with confidence intervals, an always-valid sequential test and a sample-ratio check.
 */
package io.elicitor.experiment;
