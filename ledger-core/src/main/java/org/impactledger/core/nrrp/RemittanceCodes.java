package org.impactledger.core.nrrp;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the CUP and CIG that Italian public payments quote in their remittance information
 * ("causale"), such as {@code "SAL 2 CUP C11H22000110001 CIG 9876543210"}. Banks carry these codes
 * only as free text, so this is how a bank entry is tied to an NRRP project.
 *
 * <p>A CUP has a distinctive form, so any token of that form is taken (the first one, preferring one
 * labelled "CUP"). A CIG (ten letters or digits) looks like many other references, so it is taken
 * only when labelled "CIG".
 */
public final class RemittanceCodes {

    private static final Pattern LABELLED_CUP = Pattern.compile("\\bCUP[\\s:.=-]*([A-Z][0-9]{2}[A-Z][0-9]{11})\\b");
    private static final Pattern ANY_CUP = Pattern.compile("\\b([A-Z][0-9]{2}[A-Z][0-9]{11})\\b");
    private static final Pattern LABELLED_CIG = Pattern.compile("\\bCIG[\\s:.=-]*([A-Z0-9]{10})\\b");

    private RemittanceCodes() {
    }

    /** The CUP quoted in {@code remittance}, or null. */
    public static String cupIn(String remittance) {
        if (remittance == null) {
            return null;
        }
        String text = remittance.toUpperCase(Locale.ROOT);
        Matcher labelled = LABELLED_CUP.matcher(text);
        if (labelled.find()) {
            return labelled.group(1);
        }
        Matcher any = ANY_CUP.matcher(text);
        return any.find() ? any.group(1) : null;
    }

    /** The CIG quoted (after the label "CIG") in {@code remittance}, or null. */
    public static String cigIn(String remittance) {
        if (remittance == null) {
            return null;
        }
        Matcher labelled = LABELLED_CIG.matcher(remittance.toUpperCase(Locale.ROOT));
        return labelled.find() ? labelled.group(1) : null;
    }
}
