/**
 * Compiling a case into its model: the one place that chooses an engine for a case
 * ({@link org.deciban.inference.models.CaseModels}). Every analysis and command asks the model it
 * returns.
 */
package org.deciban.inference.models;
