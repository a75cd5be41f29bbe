package org.mtorworkbench.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.mtorworkbench.cli.internal.DemoCommand.Story;
import org.mtorworkbench.experiments.Combination;
import org.mtorworkbench.experiments.DoseResponse;
import org.mtorworkbench.experiments.FindingsRunner.CheckResult;
import org.mtorworkbench.experiments.HillFit;
import org.mtorworkbench.experiments.Table;

/** The demo's {@code report.html}: one page that shows the charts and links every file. */
final class DemoReport {

    private DemoReport() {
    }

    static void write(Path dir, Story s) throws IOException {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>mTOR Workbench demo: the review's story on builtin:mtor</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222;line-height:1.4}\n")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:left;font-size:90%}th{background:#f0f3f7}\n")
                .append("img{max-width:100%;border:1px solid #eee}.pass{color:#1d7a32}.fail{color:#b0202e;")
                .append("font-weight:bold}.files{font-size:90%;color:#555}\n</style></head><body>\n")
                .append("<h1>mTOR Workbench demo</h1>\n<p>The built-in mTORC1/mTORC2 network (<code>builtin:mtor</code>),")
                .append(" wild-type cells pre-equilibrated to steady state, drugs added at time 0. Every number on this")
                .append(" page comes from the CSV files linked beside it; rerun with <code>./mtorwb demo</code>.</p>\n");

        h.append("<h2>1. Rapamycin relieves the S6K1&ndash;IRS1 feedback</h2>\n<p>Rapamycin ")
                .append(Table.number(DemoCommand.RAPAMYCIN_NM))
                .append(" nM inhibits mTORC1 and S6K1; IRS-1 is no longer serine-phosphorylated by S6K1, so signalling")
                .append(" from the receptors through PI3K to Akt, and through Ras to Erk, rises.</p>\n");
        h.append("<table><tr><th>readout</th><th>fold change at 24 h</th><th>peak fold change</th></tr>\n");
        for (String r : DemoCommand.FEEDBACK_READOUTS) {
            h.append("<tr><td>").append(r).append("</td><td>").append(f3(s.foldAtEnd(r))).append("</td><td>")
                    .append(f3(s.peakFold(r))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        figure(h, "feedback", "feedback.csv");

        h.append("<h2>2. Rapalog, ATP-competitive mTOR kinase inhibitor, dual PI3K/mTOR inhibitor</h2>\n")
                .append("<p>Dose-responses at 24 h with four-parameter Hill fits (IC50 in nM, 95% interval). Rapalogs")
                .append(" block S6K1 but leave 4E-BP1 phosphorylation partly intact and raise Akt S473; kinase")
                .append(" inhibitors block both complexes; the dual inhibitor also blocks PI3K.</p>\n");
        h.append("<table><tr><th>drug</th><th>class</th>");
        for (String r : DemoCommand.DOSE_READOUTS) {
            h.append("<th>").append(r).append("</th>");
        }
        h.append("</tr>\n");
        for (String d : DemoCommand.DRUGS) {
            h.append("<tr><td>").append(d).append("</td><td>").append(esc(DemoCommand.CLASSES.get(d))).append("</td>");
            for (String r : DemoCommand.DOSE_READOUTS) {
                DoseResponse.Result dr = s.doseResponse(d, r);
                HillFit f = dr.fit();
                h.append("<td>").append(DemoCommand.ic50Text(f));
                if (f.converged() && Double.isFinite(f.ic50Low())) {
                    h.append(" (").append(f3(f.ic50Low())).append("&ndash;").append(f3(f.ic50High())).append(')');
                }
                h.append("<br><small>residual ")
                        .append(f3(dr.responses()[dr.responses().length - 1] / dr.responses()[0]))
                        .append(" at ").append(Table.number(dr.doses()[dr.doses().length - 1])).append(" nM</small></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<p class=\"files\">Tables: <a href=\"dose_response.csv\">dose_response.csv</a>,")
                .append(" <a href=\"fits.csv\">fits.csv</a></p>\n");
        for (String r : DemoCommand.DOSE_READOUTS) {
            figure(h, "dose_response_" + r, null);
        }

        Combination.Result c = s.combination();
        h.append("<h2>3. Rapamycin + MEK inhibitor (").append(c.drugB()).append(")</h2>\n<p>")
                .append(c.dosesA().length).append(" &times; ").append(c.dosesB().length)
                .append(" matrix on ").append(c.readout()).append(" at 24 h. Effect E = 1 &minus; R/R(0,0); excess")
                .append(" over Bliss independence, Loewe additivity and the highest single agent; synergy above +")
                .append(Combination.THRESHOLD).append(", antagonism below &minus;").append(Combination.THRESHOLD)
                .append(".</p>\n<table><tr><th>reference model</th><th>mean excess</th><th>classification</th></tr>\n");
        for (Combination.Model m : Combination.Model.values()) {
            h.append("<tr><td>").append(m.name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%+.3f", c.score()[m.ordinal()])).append("</td><td>")
                    .append(c.classification(m)).append("</td></tr>\n");
        }
        h.append("</table>\n");
        figure(h, "combination_response", "combination.csv");
        figure(h, "combination_bliss", null);

        long ids = s.findings().stream().map(r -> r.finding().id()).distinct().count();
        long failed = s.findings().stream().filter(r -> !r.passed()).map(r -> r.finding().id()).distinct().count();
        h.append("<h2>4. The review's findings</h2>\n<p>").append(ids - failed).append(" of ").append(ids)
                .append(" findings hold (").append(s.findings().size() - s.findingsFailed()).append(" of ")
                .append(s.findings().size()).append(" checks pass). <a href=\"findings.csv\">findings.csv</a></p>\n")
                .append("<table><tr><th>finding</th><th>section</th><th>readout</th><th>protocol</th>")
                .append("<th>expected</th><th>simulated ratio</th><th>result</th></tr>\n");
        for (CheckResult r : s.findings()) {
            h.append("<tr><td title=\"").append(esc(r.finding().title())).append("\">").append(esc(r.finding().id()))
                    .append("</td><td>").append(esc(r.finding().section())).append("</td><td>")
                    .append(esc(r.check().readout())).append("</td><td>").append(esc(r.check().describe()))
                    .append("</td><td>").append(esc(r.check().expectation().words())).append("</td><td>")
                    .append(f3(r.ratio())).append("</td><td class=\"").append(r.passed() ? "pass\">PASS" : "fail\">FAIL")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        byte[] bytes = h.toString().getBytes(StandardCharsets.UTF_8);
        ReportCharts.atomically(dir.resolve("report.html"), out -> out.write(bytes));
    }

    private static void figure(StringBuilder h, String name, String csv) {
        h.append("<figure><img src=\"").append(name).append(".svg\" alt=\"").append(name)
                .append("\"><figcaption class=\"files\"><a href=\"").append(name).append(".svg\">SVG</a> &middot; <a href=\"")
                .append(name).append(".png\">PNG</a>");
        if (csv != null) {
            h.append(" &middot; <a href=\"").append(csv).append("\">").append(csv).append("</a>");
        }
        h.append("</figcaption></figure>\n");
    }

    private static String f3(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3g", x) : "n/a";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
