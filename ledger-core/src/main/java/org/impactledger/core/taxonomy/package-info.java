/**
 * The codes that tie money and outcomes to public frameworks: SDG goals, targets and indicators,
 * NRRP (PNRR) missions, components and measures, CUP and CIG.
 *
 * <p>Reports group and reconcile by these codes, so a code that is mistyped or invented would
 * silently open a group of its own and hide money from the report that should show it. Each type
 * therefore validates itself when it is built and refuses bad input with a
 * {@link org.impactledger.core.shared.DomainException}: {@code INVALID_VALUE} when the text does
 * not have the code's form, {@code UNKNOWN_CODE} when it has the form but names nothing in the
 * taxonomy. Input is trimmed and its case normalised first, because codes are copied by hand from
 * PDFs and spreadsheets; what is stored is always the canonical spelling.
 */
package org.impactledger.core.taxonomy;
