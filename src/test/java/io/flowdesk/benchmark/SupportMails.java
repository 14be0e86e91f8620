package io.flowdesk.benchmark;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

/**
 * Support mail as a shop's customers write it, for the e-mail phase: an order not shipped, a parcel not received, an
 * invoice to redo, a return, a device that will not connect, a broken item, missing points, an address to change;
 * with the order number, a phone number and an address in the text (what auto-extraction looks for), a signature and,
 * from one sender in three, a company disclaimer. Most come as text and HTML (multipart/alternative, as Outlook,
 * Foxmail and QQ Mail send them), one in five in GB18030 instead of UTF-8, one in ten copies a colleague, one in four
 * carries a screenshot, photo or PDF of 20-120 KB, and one in five is the customer writing again about an earlier
 * mail of theirs (In-Reply-To and References to it, the earlier text quoted below). From a fixed seed: every run
 * delivers the same mails but for their Message-IDs and dates.
 */
final class SupportMails {

    /** A mail as the mailbox holds it (parsed from its bytes, so the server fetches exactly those bytes). */
    record Mail(MimeMessage message, int bytes, boolean reply, int attachments) {
    }

    /** A mail sent earlier, which its customer may write again about. */
    private record Earlier(String messageId, Customer from, String subject, String text) {
    }

    private record Customer(String name, String address, String phone) {
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] SURNAMES_PINYIN = {"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao",
        "wu", "zhou", "xu", "sun"};
    private static final String[] GIVEN_NAMES = {"芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "艳", "杰"};
    private static final String[] DOMAINS = {"example.com", "example.net", "example.org", "mail.example.com"};
    private static final String[] PRODUCTS = {"打印机 P-200", "扫地机器人 R5", "智能音箱 S1", "空气净化器 A3"};
    private static final String[] STREETS = {"上海市浦东新区张江路 %d 号 %d 室", "北京市朝阳区建国路 %d 号 %d 室",
        "广州市天河区天河北路 %d 号 %d 室", "杭州市西湖区文三路 %d 号 %d 室", "成都市武侯区人民南路四段 %d 号 %d 室"};
    /** Subject and text of each kind of request: %1$s order number, %2$s product, %3$s address, %4$s phone. */
    private static final String[][] TOPICS = {
        {"订单 %1$s 还没有发货", "我在本月 1 日下的订单 %1$s，页面一直显示“待发货”，已经过去五天了。请问什么时候能发出？"
            + "如果缺货请直接告诉我，我可以换别的颜色，或者退款也行。"},
        {"快递显示已签收，但我没有收到", "订单 %1$s 的物流信息显示昨天下午已签收，但家里没有人收到，小区的快递柜里也没有。"
            + "收货地址是 %3$s，麻烦帮忙联系快递公司核实一下，是不是送错了地方。"},
        {"发票抬头开错了，请重新开具", "订单 %1$s 的增值税普通发票抬头写成了个人，我们需要开公司抬头：上海星河贸易有限公司，"
            + "税号 91310115MA1K4C2X8P。请作废原发票后重新开具，电子发票发到这个邮箱即可。财务月底要报销，谢谢！"},
        {"申请退货：%2$s 不合适", "收到的 %2$s 和页面描述的不一样，包装和配件都还在，没有使用过。订单号 %1$s。"
            + "请问退货地址是哪里？运费由谁承担？退款多久能到账？"},
        {"%2$s 无法连接 Wi-Fi", "按照说明书操作，%2$s 一直连不上家里的 Wi-Fi，指示灯一直闪红色。已经重启过路由器和设备，"
            + "也恢复过出厂设置，还是不行。路由器是双频的，2.4G 和 5G 都试过。订单 %1$s。"},
        {"收到的商品有破损，要求换货", "今天收到订单 %1$s 的包裹，外箱完好，但里面的 %2$s 边角有裂痕，见附件照片。"
            + "希望尽快换一件新的，旧的需要寄回吗？寄回的话请告诉我地址。"},
        {"会员积分没有到账", "上周在门店消费后，会员积分一直没有到账，会员手机号 %4$s，订单 %1$s。"
            + "之前每次消费第二天就能看到积分，这次已经一周了，请帮忙查一下。"},
        {"能否修改收货地址？", "订单 %1$s 还没有发货，我想把收货地址改成：%3$s，收件人电话 %4$s。原来的地址不要再用了。"}};
    private static final String[] AGAIN = {"请问处理得怎么样了？已经两天没有消息了。", "补充一下：我刚才又查了一下，状态还是没有变化。",
        "相关的照片我补充在附件里了，请查收。", "客服电话一直打不通，麻烦尽快回复。", "另外，我的备用联系电话是 %s，白天都可以打。"};
    private static final String DISCLAIMER = "\n\n本邮件及其附件含有保密信息，仅限于发送给上面地址中列出的个人或群组。禁止任何其他人"
            + "以任何形式使用（包括但不限于全部或部分地泄露、复制或散发）本邮件中的信息。如果您错收了本邮件，请您立即电话或邮件"
            + "通知发件人并删除本邮件！\nThis e-mail and its attachments contain confidential information intended only"
            + " for the person or entity named above. Any other use, disclosure, copying or distribution is prohibited."
            + " If you received it in error, please notify the sender at once and delete it.";
    private static final String[][] ATTACHMENTS = {{"截图.png", "image/png", "\u0089PNG"},
        {"商品照片.jpg", "image/jpeg", "\u00ff\u00d8\u00ff\u00e0"}, {"发票.pdf", "application/pdf", "%PDF-1.7"}};

    private static final DateTimeFormatter QUOTE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE HH:mm",
            Locale.CHINA);

    private final Random random = new Random(27);
    private final Session session = Session.getInstance(new Properties());
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final List<Customer> customers = new ArrayList<>();
    private final List<Earlier> earlier = new ArrayList<>();
    private final String mailbox;
    private long sequence;

    SupportMails(String mailbox) {
        this.mailbox = mailbox;
        for (int i = 0; i < 150; i++) {
            int surname = random.nextInt(SURNAMES.length);
            String name = SURNAMES[surname] + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
            String phone = "1" + (3 + random.nextInt(7)) + (100_000_000 + random.nextInt(900_000_000));
            customers.add(new Customer(name, SURNAMES_PINYIN[surname] + "." + (1000 + i) + "@"
                    + DOMAINS[i % DOMAINS.length], phone));
        }
    }

    /** The next {@code count} mails, composed now so that delivering them costs the driver next to nothing. */
    List<Mail> next(int count) {
        List<Mail> mails = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            mails.add(next());
        }
        return mails;
    }

    private Mail next() {
        sequence++;
        String id = "<" + sequence + "." + run + "@client.example.com>";
        try {
            if (!earlier.isEmpty() && random.nextInt(5) == 0) {
                return writingAgain(id, earlier.get(earlier.size() - 1 - random.nextInt(Math.min(200,
                        earlier.size()))));
            }
            return newRequest(id);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot compose mail " + sequence, e);
        }
    }

    /** A customer's first mail about something. */
    private Mail newRequest(String id) throws MessagingException, IOException {
        Customer customer = customers.get(random.nextInt(customers.size()));
        String[] topic = TOPICS[random.nextInt(TOPICS.length)];
        String order = "D" + (20261100 + random.nextInt(30) + 1) + (100_000 + random.nextInt(900_000));
        String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        String address = String.format(STREETS[random.nextInt(STREETS.length)], 1 + random.nextInt(999),
                100 * (1 + random.nextInt(30)) + 1 + random.nextInt(6));
        String subject = String.format(topic[0], order, product, address, customer.phone());
        String text = (random.nextBoolean() ? "您好：\n\n" : "客服你好，\n\n")
                + String.format(topic[1], order, product, address, customer.phone())
                + "\n\n麻烦尽快回复，谢谢！\n\n" + customer.name() + "\n手机：" + customer.phone()
                + (random.nextInt(3) == 0 ? DISCLAIMER : "");
        earlier.add(new Earlier(id, customer, subject, text));
        return compose(id, customer, subject, text, null);
    }

    /** The customer of an earlier mail writing again about it: a line or two, the earlier mail quoted below. */
    private Mail writingAgain(String id, Earlier first) throws MessagingException, IOException {
        Customer customer = first.from();
        String subject = (random.nextBoolean() ? "Re: " : "回复：") + first.subject();
        String text = "您好，\n\n" + String.format(AGAIN[random.nextInt(AGAIN.length)], customer.phone()) + "\n\n"
                + customer.name() + "\n\n在 " + QUOTE_DATE.format(ZonedDateTime.now()) + "，" + customer.name()
                + " <" + customer.address() + "> 写道：\n" + ("\n" + first.text()).replace("\n", "\n> ").substring(1);
        return compose(id, customer, subject, text, first);
    }

    /** The mail as its client writes it; {@code first} is the earlier mail it is about, or null. */
    private Mail compose(String id, Customer customer, String subject, String text, Earlier first)
            throws MessagingException, IOException {
        boolean attach = random.nextInt(4) == 0;
        String charset = random.nextInt(5) == 0 ? "GB18030" : "UTF-8";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id); // ours, so that replies can name it
            }
        };
        message.setFrom(new InternetAddress(customer.address(), customer.name(), charset));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mailbox));
        if (random.nextInt(10) == 0) {
            message.setRecipient(Message.RecipientType.CC, new InternetAddress("colleague." + customer.address()));
        }
        message.setSubject(subject, charset);
        message.setSentDate(new Date());
        if (first != null) {
            message.setHeader("In-Reply-To", first.messageId());
            message.setHeader("References", first.messageId());
        }
        MimeBodyPart body = body(text, charset);
        if (attach) {
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment());
            message.setContent(mixed);
        } else {
            message.setContent(body.getContent(), body.getContentType());
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return new Mail(new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray())), raw.size(),
                first != null, attach ? 1 : 0);
    }

    /** Three in ten as plain text, one in ten as Outlook's HTML only, the rest both (multipart/alternative). */
    private MimeBodyPart body(String text, String charset) throws MessagingException {
        int form = random.nextInt(10);
        if (form < 3) {
            return textPart(text, charset, "plain");
        }
        if (form == 3) {
            return textPart(MailHtml.outlook(text, charset), charset, "html");
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart(text, charset, "plain"));
        String html = random.nextBoolean() ? MailHtml.outlook(text, charset) : MailHtml.foxmail(text, charset);
        alternative.addBodyPart(textPart(html, charset, "html"));
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(alternative);
        return part;
    }

    private static MimeBodyPart textPart(String text, String charset, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, charset, subtype);
        return part;
    }

    private MimeBodyPart attachment() throws MessagingException {
        String[] kind = ATTACHMENTS[random.nextInt(ATTACHMENTS.length)];
        byte[] content = new byte[20 * 1024 + random.nextInt(100 * 1024)];
        random.nextBytes(content); // as incompressible as a photo
        for (int i = 0; i < kind[2].length(); i++) {
            content[i] = (byte) kind[2].charAt(i);
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, kind[1])));
        part.setFileName(kind[0]);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }
}
