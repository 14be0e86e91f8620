package io.flowdesk.benchmark;

/** A mail's text as HTML, the way the mail clients of the e-mail phase's customers send it ({@link SupportMails}). */
final class MailHtml {

    private static final String OUTLOOK_HEAD = """
            <html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" \
            xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" \
            xmlns="http://www.w3.org/TR/REC-html40">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=%charset">
            <meta name="Generator" content="Microsoft Word 15 (filtered medium)">
            <style><!--
            /* Font Definitions */
            @font-face {font-family:宋体; panose-1:2 1 6 0 3 1 1 1 1 1;}
            @font-face {font-family:"Cambria Math"; panose-1:2 4 5 3 5 4 6 3 2 4;}
            @font-face {font-family:等线; panose-1:2 1 6 0 3 1 1 1 1 1;}
            @font-face {font-family:"微软雅黑"; panose-1:2 11 5 3 2 2 4 2 2 4;}
            /* Style Definitions */
            p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; text-align:justify; text-justify:inter-ideograph; \
            font-size:10.5pt; font-family:等线;}
            a:link, span.MsoHyperlink {mso-style-priority:99; color:#0563C1; text-decoration:underline;}
            span.EmailStyle17 {mso-style-type:personal-compose; font-family:等线; color:windowtext;}
            .MsoChpDefault {mso-style-type:export-only; font-family:等线;}
            @page WordSection1 {size:612.0pt 792.0pt; margin:72.0pt 90.0pt 72.0pt 90.0pt;}
            div.WordSection1 {page:WordSection1;}
            --></style><!--[if gte mso 9]><xml>
            <o:shapedefaults v:ext="edit" spidmax="1026" />
            </xml><![endif]--><!--[if gte mso 9]><xml>
            <o:shapelayout v:ext="edit">
            <o:idmap v:ext="edit" data="1" />
            </o:shapelayout></xml><![endif]-->
            </head>
            <body lang="ZH-CN" link="#0563C1" vlink="#954F72" style="text-justify-trim:punctuation">
            <div class="WordSection1">
            """;

    private MailHtml() {
    }

    /** The HTML Foxmail or QQ Mail makes of the text: a styled block per paragraph. */
    static String foxmail(String text, String charset) {
        StringBuilder html = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                + "charset=" + charset + "\"><style>body{font-family:\"微软雅黑\",\"Microsoft YaHei\",sans-serif;"
                + "font-size:14px;line-height:1.5;color:#000}</style></head><body>");
        for (String paragraph : text.split("\n\n")) {
            html.append("<div style=\"margin:0 0 12px 0\">")
                    .append(escape(paragraph).replace("\n", "<br>"))
                    .append("</div>");
        }
        return html.append("</body></html>").toString();
    }

    /** The HTML Outlook makes of the text (Word's): its style sheet, then a styled paragraph per line. */
    static String outlook(String text, String charset) {
        StringBuilder html = new StringBuilder(OUTLOOK_HEAD.replace("%charset", charset));
        for (String line : text.split("\n")) {
            html.append("<p class=\"MsoNormal\"><span lang=\"EN-US\" style=\"font-family:&quot;微软雅黑&quot;,"
                    + "sans-serif\">").append(line.isBlank() ? "<o:p>&nbsp;</o:p>"
                            : escape(line) + "<o:p></o:p>")
                    .append("</span></p>\n");
        }
        return html.append("</div>\n</body>\n</html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
