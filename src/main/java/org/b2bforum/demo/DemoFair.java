package org.b2bforum.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.b2bforum.base.clock.RehearsalClock;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.Delegates;
import org.b2bforum.company.Sector;
import org.b2bforum.fair.FairService;
import org.b2bforum.fair.LeadService;
import org.b2bforum.fair.ProductForm;
import org.b2bforum.fair.ProductService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The exhibition-fair of the demo forum: two halls of stands, a dozen Minsk producers exhibiting
 * (Дорстроймаш at stand B-14), their products with pictures, and a few leads Дорстроймаш's delegate has collected.
 */
@Component
class DemoFair {

    /** Who exhibits where, and what: company, stand, then products as name RU|name EN|category|description RU|description EN. */
    private record Exhibitor(String company, String stand, List<String> products) {
    }

    private static final List<Exhibitor> EXHIBITORS = List.of(
            new Exhibitor("Дорстроймаш", "B-14", List.of(
                    "Автогрейдер ДЗ-98М|DZ-98M motor grader|ROAD_MUNICIPAL_MACHINERY|Тяжёлый автогрейдер для строительства и содержания дорог, двигатель 250 л. с.|A heavy motor grader for building and maintaining roads, 250 hp engine.",
                    "Каток дорожный вибрационный|Vibratory road roller|ROAD_MUNICIPAL_MACHINERY|Каток массой 12 т для уплотнения асфальта и грунта.|A 12-tonne roller compacting asphalt and soil.")),
            new Exhibitor("Белснегомаш", "B-13", List.of(
                    "Снегоуборочная машина СУМ-2|SUM-2 snow blower|ROAD_MUNICIPAL_MACHINERY|Шнекороторная снегоуборочная машина для городских улиц.|A rotary snow blower for city streets.")),
            new Exhibitor("Чистоград-Техника", "B-12", List.of(
                    "Подметально-уборочная машина|Street sweeper|ROAD_MUNICIPAL_MACHINERY|Вакуумная подметальная машина на шасси МАЗ.|A vacuum street sweeper on a MAZ chassis.")),
            new Exhibitor("Дорпромтех", "B-11", List.of()),
            new Exhibitor("Прецизион", "B-3", List.of(
                    "Токарные станки с ЧПУ|CNC lathes|MANUFACTURING|Станки токарные с числовым программным управлением для серийного производства.|Numerically controlled lathes for series production.")),
            new Exhibitor("Гидравлика", "B-4", List.of(
                    "Гидроцилиндры|Hydraulic cylinders|MANUFACTURING|Гидроцилиндры для дорожной и сельскохозяйственной техники.|Hydraulic cylinders for road and farm machinery.")),
            new Exhibitor("Вольтбус", "B-7", List.of(
                    "Электробус «Вольт-12»|Volt-12 electric bus|TRANSPORT_LOGISTICS|Городской электробус на 85 пассажиров с быстрой зарядкой.|A city electric bus for 85 passengers with fast charging.")),
            new Exhibitor("Медприбор-М", "B-8", List.of(
                    "Кардиомонитор прикроватный|Bedside cardiac monitor|HEALTHCARE_PHARMA|Монитор ЭКГ, давления и сатурации для палат интенсивной терапии.|An ECG, blood pressure and oxygen monitor for intensive care.")),
            new Exhibitor("Белая роса", "A-1", List.of(
                    "Сыр твёрдый «Белая роса»|Belaya Rosa hard cheese|FOOD_AGRICULTURE|Выдержанный сыр из молока минских ферм, 45% жирности.|An aged cheese from Minsk farms' milk, 45% fat.",
                    "Масло сливочное|Butter|FOOD_AGRICULTURE|Сливочное масло 82,5% в брикетах и монолите.|Butter, 82.5% fat, in packs and blocks.")),
            new Exhibitor("Раковский мясокомбинат", "A-2", List.of(
                    "Колбасы сыровяленые|Dry-cured sausages|FOOD_AGRICULTURE|Сыровяленые колбасы по традиционным рецептам.|Dry-cured sausages made to traditional recipes.")),
            new Exhibitor("Сладкий лён", "A-3", List.of(
                    "Зефир льняной|Flax marshmallow|FOOD_AGRICULTURE|Зефир с льняной мукой, без красителей.|Marshmallow with flax flour, no colourings.")),
            new Exhibitor("Керамика-Минск", "A-6", List.of(
                    "Керамическая плитка|Ceramic tiles|CONSTRUCTION|Напольная и настенная плитка для жилых и общественных зданий.|Floor and wall tiles for homes and public buildings.")));

    private final AccountService accounts;
    private final FairService fair;
    private final ProductService products;
    private final LeadService leads;
    private final Delegates delegates;
    private final JdbcTemplate jdbc;

    DemoFair(AccountService accounts, FairService fair, ProductService products, LeadService leads,
            Delegates delegates, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.fair = fair;
        this.products = products;
        this.leads = leads;
        this.delegates = delegates;
        this.jdbc = jdbc;
    }

    void create() {
        ForumUser organizer = accounts.loadUserByUsername(DemoDataLoader.ORGANIZER_EMAIL);
        DemoLogIn.as(organizer);
        long food = fair.addZone("Павильон A · Продукты и товары", "Hall A · Food and consumer goods");
        long machinery = fair.addZone("Павильон B · Техника и технологии", "Hall B · Machinery and technology");
        for (int i = 1; i <= 10; i++) {
            fair.addStand(food, "A-" + i, (i - 1) / 5 + 1, (i - 1) % 5 + 1);
        }
        for (int i = 1; i <= 15; i++) {
            fair.addStand(machinery, "B-" + i, (i - 1) / 5 + 1, (i - 1) % 5 + 1);
        }
        for (Exhibitor exhibitor : EXHIBITORS) {
            long company = jdbc.queryForObject("select id from company where short_name = ?", Long.class,
                    exhibitor.company());
            long stand = jdbc.queryForObject("select id from fair_stand where number = ?", Long.class, exhibitor.stand());
            fair.assign(stand, company);
            String login = jdbc.queryForObject("select email from app_user where company_id = ? and role = 'COMPANY'",
                    String.class, company);
            DemoLogIn.as(accounts.loadUserByUsername(login));
            for (String line : exhibitor.products()) {
                String[] p = line.split("\\|");
                products.save(null, new ProductForm(p[0], p[1], p[3], p[4], Sector.valueOf(p[2])), picture(p[1]));
            }
            DemoLogIn.as(organizer);
        }
        leads();
        DemoLogIn.as(organizer);
    }

    /**
     * Дорстроймаш's delegate scanned three Moscow visitors who consented (at registration, see
     * {@code DemoDataLoader}), with notes on two.
     */
    private void leads() {
        ForumUser delegate = accounts.loadUserByUsername(DemoDataLoader.DELEGATE_EMAILS.get(1));
        List<Long> visitors = jdbc.queryForList("""
                select min(d.id) from delegate d join company c on c.id = d.company_id
                where c.status = 'APPROVED' and c.city = 'Москва' and d.lead_consent
                group by c.id order by c.id limit 3""", Long.class);
        List<String> notes = List.of("Интересуются автогрейдерами для области, прислать КП до 1 октября",
                "Нужен каток на замену, просили видео испытаний", "");
        DemoLogIn.as(delegate);
        for (int i = 0; i < visitors.size(); i++) {
            String token = delegates.ensureBadgeKeys(List.of(visitors.get(i))).get(visitors.get(i)).checkInToken();
            String note = notes.get(i);
            // scanned at the time a rehearsal says it is (the demo forum is loaded on the real time)
            RehearsalClock.onTheForumTime(() -> {
                long lead = leads.scan(token).lead().id();
                if (!note.isEmpty()) {
                    leads.saveNote(lead, note);
                }
            });
        }
    }

    /** A simple product picture: a colour band with the product's English name. */
    static byte[] picture(String title) {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int hue = Math.floorMod(title.hashCode(), 360);
            Color base = Color.getHSBColor(hue / 360f, 0.45f, 0.75f);
            g.setPaint(new GradientPaint(0, 0, base, 480, 320, base.darker()));
            g.fillRect(0, 0, 480, 320);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            int width = g.getFontMetrics().stringWidth(title);
            g.drawString(title, Math.max(12, (480 - width) / 2), 172);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
