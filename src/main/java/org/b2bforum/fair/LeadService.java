package org.b2bforum.fair;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.LoginThrottle;
import org.b2bforum.base.text.Csv;
import org.b2bforum.base.text.Sheets;
import org.b2bforum.base.text.Texts;
import org.b2bforum.company.BadgeCode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lead scanning at the fair: an exhibitor's delegate (or representative) opens a visitor's badge
 * link ({@code /check-in/<token>}) on the phone, or types the code printed under its QR code, and gets a
 * lead — the visitor's name, position, company and city, and a note — but only when the visitor consented at registration. A badge
 * that is unknown, or whose company is no longer approved (revoked), is refused in words, and
 * so is a visitor without consent; nothing is stored then. Scanning the same visitor again keeps
 * the first lead. Leads are exported as CSV and XLSX.
 */
@Service
public class LeadService {

    private static final int MAX_TOKEN = 64;
    private static final int MAX_NOTE = 1000;
    private static final DateTimeFormatter EXPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final String SELECT = """
            select l.id, l.visitor_delegate_id, d.full_name, d.position, c.short_name, c.city, l.note, l.scanned_at,
                   l.scanned_by_name
            from fair_lead l join delegate d on d.id = l.visitor_delegate_id join company c on c.id = d.company_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final FairAccess fairAccess;
    private final ForumTime forumTime;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final TransactionTemplate transactions;

    LeadService(NamedParameterJdbcTemplate jdbc, FairAccess fairAccess, ForumTime forumTime, Clock clock,
            LoginThrottle throttle, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.transactions = new TransactionTemplate(transactionManager);
        this.fairAccess = fairAccess;
        this.forumTime = forumTime;
        this.clock = clock;
    }

    /** Whether the logged-in person may scan badges for leads: they belong to an exhibiting company. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean canScan() {
        return fairAccess.exhibitor().isPresent();
    }

    /**
     * Records the badge's holder as a lead of the logged-in person's exhibiting company.
     *
     * @throws FairRefusedException {@code lead.error.unknown-badge}, {@code lead.error.revoked-badge},
     *         {@code lead.error.no-consent} or {@code lead.error.own-badge}; nothing is stored
     */
    @PreAuthorize("hasAnyRole('COMPANY', 'DELEGATE')")
    @Transactional
    public LeadScan scan(String token) {
        return scanToken(token);
    }

    /**
     * Records the holder of the badge with this code ({@code 7KQ-3PX}, printed under the QR code) as a lead, as
     * {@link #scan} does with the QR code's link: typed in when the phone's camera will not read the badge. Case, spaces
     * and dashes are forgiven ({@link BadgeCode#parse}). A code that finds no badge counts against the typing account
     * ({@link LoginThrottle#codeMissed}): 10 misses in a quarter of an hour lock it out of typing codes for a while, so
     * that nobody walks the codes for leads. Not one transaction: a refusal's count must stay, the lead is recorded in a
     * transaction of its own. Neither the code nor the misses are logged.
     *
     * @throws FairRefusedException as {@link #scan}, and {@code lead.error.code-format} (not a code: nothing counted),
     *         {@code lead.error.unknown-code} or {@code lead.error.code-too-many} (with the minutes to wait)
     */
    @PreAuthorize("hasAnyRole('COMPANY', 'DELEGATE')")
    public LeadScan scanCode(String typed) {
        fairAccess.requireExhibitor();
        long account = fairAccess.currentUser().id();
        throttle.codesLocked(account).ifPresent(LeadService::tooMany);
        String code = BadgeCode.parse(typed).orElseThrow(() -> new FairRefusedException("lead.error.code-format"));
        String token = jdbc.queryForList("select check_in_token from delegate where badge_code = :code",
                new MapSqlParameterSource("code", code), String.class).stream().findFirst().orElse(null);
        if (token == null) {
            throttle.codeMissed(account).ifPresent(LeadService::tooMany);
            throw new FairRefusedException("lead.error.unknown-code");
        }
        return transactions.execute(status -> scanToken(token));
    }

    private static void tooMany(Duration wait) {
        throw new FairRefusedException("lead.error.code-too-many", LoginThrottle.minutes(wait));
    }

    private LeadScan scanToken(String token) {
        long exhibitor = fairAccess.requireExhibitor();
        ForumUser user = fairAccess.currentUser();
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            throw new FairRefusedException("lead.error.unknown-badge");
        }
        record Holder(long delegateId, long companyId, String status, boolean consent) {
        }
        Holder holder = jdbc.query("""
                select d.id, d.company_id, c.status, d.lead_consent from delegate d join company c on c.id = d.company_id
                where d.check_in_token = :token""", new MapSqlParameterSource("token", token),
                (rs, i) -> new Holder(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)))
                .stream().findFirst().orElseThrow(() -> new FairRefusedException("lead.error.unknown-badge"));
        if (!"APPROVED".equals(holder.status())) {
            throw new FairRefusedException("lead.error.revoked-badge");
        }
        if (holder.companyId() == exhibitor) {
            throw new FairRefusedException("lead.error.own-badge");
        }
        if (!holder.consent()) {
            throw new FairRefusedException("lead.error.no-consent");
        }
        Timestamp now = Timestamp.from(clock.instant());
        // two phones scanning the same visitor at once: the unique key lets one row in
        int inserted = jdbc.update("""
                insert ignore into fair_lead (exhibitor_company_id, visitor_delegate_id, scanned_at, scanned_by,
                    scanned_by_name, updated_at)
                values (:e, :d, :now, :by, :byName, :now)""",
                new MapSqlParameterSource("e", exhibitor).addValue("d", holder.delegateId()).addValue("now", now)
                        .addValue("by", user.id()).addValue("byName", user.displayName()));
        // none when the holder's company removed them after the read above: the key waited for the removal and the
        // ignore let its missing delegate pass (before: NoSuchElementException, the error page)
        Lead lead = leads("where l.exhibitor_company_id = :e and l.visitor_delegate_id = :d",
                new MapSqlParameterSource("e", exhibitor).addValue("d", holder.delegateId())).stream().findFirst()
                .orElseThrow(() -> new FairRefusedException("lead.error.unknown-badge"));
        return new LeadScan(lead, inserted == 1);
    }

    /** Sets the note of one of the exhibitor's leads (blank clears it). */
    @PreAuthorize("hasAnyRole('COMPANY', 'DELEGATE')")
    @Transactional
    public Lead saveNote(long leadId, String note) {
        long exhibitor = fairAccess.requireExhibitor();
        String text = Texts.multiLine(note);
        if (text != null && text.length() > MAX_NOTE) {
            throw new FairRefusedException("lead.error.note-too-long", MAX_NOTE);
        }
        int updated = jdbc.update("""
                update fair_lead set note = :note, updated_at = :now where id = :id and exhibitor_company_id = :e""",
                new MapSqlParameterSource("note", text == null || text.isEmpty() ? null : text)
                        .addValue("now", Timestamp.from(clock.instant())).addValue("id", leadId).addValue("e", exhibitor));
        if (updated == 0) {
            throw new FairRefusedException("lead.error.not-found");
        }
        return leads("where l.id = :id", new MapSqlParameterSource("id", leadId)).getFirst();
    }

    /** The leads of the logged-in person's exhibiting company, newest first. */
    @PreAuthorize("hasAnyRole('COMPANY', 'DELEGATE')")
    @Transactional(readOnly = true)
    public List<Lead> myLeads() {
        Optional<Long> exhibitor = fairAccess.exhibitor();
        if (exhibitor.isEmpty()) {
            return List.of();
        }
        return leads("where l.exhibitor_company_id = :e order by l.scanned_at desc, l.id desc",
                new MapSqlParameterSource("e", exhibitor.get()));
    }

    /**
     * The exhibitor's leads as CSV (UTF-8 with a byte order mark, so spreadsheets read Cyrillic), in the reader's
     * language: its {@code headers}, and each city as {@code cityName} gives it (the stored name is Russian).
     */
    @PreAuthorize("hasAnyRole('COMPANY', 'DELEGATE')")
    @Transactional(readOnly = true)
    public byte[] csv(List<String> headers, UnaryOperator<String> cityName) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(",", headers.stream().map(Csv::cell).toList())).append("\r\n");
        for (Lead lead : myLeads()) {
            csv.append(String.join(",", row(lead, cityName).stream()
                    .map(value -> Csv.cell(value instanceof LocalDateTime at ? EXPORT_TIME.format(at) : (String) value))
                    .toList())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The exhibitor's leads as an XLSX workbook of one sheet, as {@link #csv}; cells are text, never formulas, and the
     * time a date. The header stands out, stays in view and filters; the note has room. The sheet was seven plain
     * columns of 24 characters with the time as text (ux87, opened as the exhibitor's sales office would).
     */
    @PreAuthorize("hasAnyRole('COMPANY', 'DELEGATE')")
    @Transactional(readOnly = true)
    public byte[] xlsx(List<String> headers, String sheetName, UnaryOperator<String> cityName) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            time.setVerticalAlignment(VerticalAlignment.TOP);
            List<Lead> all = myLeads();
            Sheets.header(sheet, 0, headers, header, all.size());
            int r = 1;
            for (Lead lead : all) {
                write(sheet.createRow(r++), row(lead, cityName), wrapped, time);
            }
            int[] widths = {30, 30, 30, 16, 50, 17, 30};
            for (int c = 0; c < headers.size(); c++) {
                sheet.setColumnWidth(c, widths[Math.min(c, widths.length - 1)] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values into their cells by type: text, the time a date; nothing (no empty text) where there is none. */
    private static void write(Row row, List<Object> values, CellStyle text, CellStyle time) {
        for (int i = 0; i < values.size(); i++) {
            switch (values.get(i)) {
                case LocalDateTime at -> {
                    Cell cell = row.createCell(i);
                    cell.setCellValue(at);
                    cell.setCellStyle(time);
                }
                case String value -> {
                    Cell cell = row.createCell(i);
                    cell.setCellValue(value);
                    cell.setCellStyle(text);
                }
                case null -> { }
                default -> throw new IllegalArgumentException("No cell for " + values.get(i));
            }
        }
    }

    /** The export columns: name, position, company, city, note, scanned at (forum time), scanned by. */
    private List<Object> row(Lead lead, UnaryOperator<String> cityName) {
        return java.util.Arrays.asList(lead.visitorName(), lead.visitorPosition(), lead.visitorCompany(),
                cityName.apply(lead.visitorCity()), lead.note(),
                lead.scannedAt().atZone(forumTime.zone()).toLocalDateTime(), lead.scannedBy());
    }

    private List<Lead> leads(String where, MapSqlParameterSource params) {
        return jdbc.query(SELECT + where, params, (rs, i) -> new Lead(rs.getLong("id"), rs.getLong("visitor_delegate_id"),
                rs.getString("full_name"), rs.getString("position"), rs.getString("short_name"), rs.getString("city"),
                rs.getString("note"), rs.getTimestamp("scanned_at").toInstant(), rs.getString("scanned_by_name")));
    }
}
