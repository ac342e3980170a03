/**
 * Updating a forecast: how good past forecasts of indicators were, and what changed between two forecasts.
 *
 * <ul>
 * <li>{@link org.deciban.inference.update.Scoring}: every resolved indicator's P(observed) as forecast the day
 *     before it resolved (the {@code --as-of} replay) and under the prior alone; Brier and logarithmic scores,
 *     skill against the prior, calibration bins;</li>
 * <li>{@link org.deciban.inference.update.ForecastDiff}: the changes between two forecasts' contents (dates,
 *     settings, outcomes, tables, items removed, changed and added) and each change's contribution, in
 *     decibans of log-odds, to every reported probability ({@link org.deciban.inference.update.Figure}),
 *     contributions that sum to the whole change.</li>
 * </ul>
 *
 * <p>Every figure is an exact posterior of the compiled model ({@link org.deciban.inference.models.CaseModels}).
 * This package reads no files and prints nothing.
 */
package org.deciban.inference.update;
