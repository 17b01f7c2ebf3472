-- Demo agencies, public services and staff grants for development and tests (PORTAL_DEMO_DATA=true).
-- Repeatable and idempotent: MERGE ... USING (SELECT ... FROM dual), valid on Oracle and H2 Oracle mode.
-- Staff grants use the demo citizens seeded by vneid-sandbox: 079301001234 (agency officer of UBND
-- TP Hồ Chí Minh) and 001190000021 (administrator).

MERGE INTO agency t
USING (
    SELECT 'BCA' code, 'Bộ Công an' name, 'MINISTRY' kind, CAST(NULL AS VARCHAR2(32)) parent_code, 'Chính phủ' supervisor FROM dual
    UNION ALL SELECT 'BTP', 'Bộ Tư pháp', 'MINISTRY', NULL, 'Chính phủ' FROM dual
    UNION ALL SELECT 'BHXH', 'Bảo hiểm xã hội Việt Nam', 'MINISTRY', NULL, 'Chính phủ' FROM dual
    UNION ALL SELECT 'UBND-HN', 'Ủy ban nhân dân Thành phố Hà Nội', 'PROVINCE', NULL, 'Chính phủ' FROM dual
    UNION ALL SELECT 'UBND-HCM', 'Ủy ban nhân dân Thành phố Hồ Chí Minh', 'PROVINCE', NULL, 'Chính phủ' FROM dual
) s
ON (t.code = s.code)
WHEN MATCHED THEN UPDATE SET t.name = s.name, t.kind = s.kind, t.parent_code = s.parent_code, t.supervisor = s.supervisor
WHEN NOT MATCHED THEN INSERT (code, name, kind, parent_code, supervisor)
    VALUES (s.code, s.name, s.kind, s.parent_code, s.supervisor);

MERGE INTO agency t
USING (
    SELECT 'STP-HN' code, 'Sở Tư pháp Thành phố Hà Nội' name, 'PROVINCE' kind, 'UBND-HN' parent_code,
           'Ủy ban nhân dân Thành phố Hà Nội' supervisor FROM dual
) s
ON (t.code = s.code)
WHEN MATCHED THEN UPDATE SET t.name = s.name, t.kind = s.kind, t.parent_code = s.parent_code, t.supervisor = s.supervisor
WHEN NOT MATCHED THEN INSERT (code, name, kind, parent_code, supervisor)
    VALUES (s.code, s.name, s.kind, s.parent_code, s.supervisor);

MERGE INTO public_service t
USING (
    SELECT 'BTP-LLTP' code, 'BTP' agency_code, 'Cấp phiếu lý lịch tư pháp' name, 2 min_level,
           1 vneid_integrated, DATE '2024-03-01' integrated_on FROM dual
    UNION ALL SELECT 'BTP-TRACUU', 'BTP', 'Tra cứu thông tin hồ sơ lý lịch tư pháp', 1, 1, DATE '2024-01-15' FROM dual
    UNION ALL SELECT 'BCA-THUONGTRU', 'BCA', 'Đăng ký thường trú', 2, 1, DATE '2023-07-01' FROM dual
    UNION ALL SELECT 'BCA-CANCUOC', 'BCA', 'Cấp đổi thẻ căn cước', 2, 1, DATE '2024-07-01' FROM dual
    UNION ALL SELECT 'BCA-CUTRU', 'BCA', 'Tra cứu thông tin cư trú', 1, 1, DATE '2023-07-01' FROM dual
    UNION ALL SELECT 'BHXH-TRACUU', 'BHXH', 'Tra cứu quá trình đóng bảo hiểm xã hội', 1, 1, DATE '2023-10-01' FROM dual
    UNION ALL SELECT 'BHXH-THAISAN', 'BHXH', 'Giải quyết hưởng chế độ thai sản', 2, 0, CAST(NULL AS DATE) FROM dual
    UNION ALL SELECT 'HN-KHAISINH', 'STP-HN', 'Đăng ký khai sinh', 2, 1, DATE '2024-05-20' FROM dual
    UNION ALL SELECT 'HN-KETHON', 'STP-HN', 'Đăng ký kết hôn', 2, 0, CAST(NULL AS DATE) FROM dual
    UNION ALL SELECT 'HCM-XAYDUNG', 'UBND-HCM', 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 2, 0, CAST(NULL AS DATE) FROM dual
    UNION ALL SELECT 'HCM-TRACUU', 'UBND-HCM', 'Tra cứu tình trạng hồ sơ thủ tục hành chính', 1, 1, DATE '2024-02-01' FROM dual
) s
ON (t.code = s.code)
WHEN MATCHED THEN UPDATE SET t.agency_code = s.agency_code, t.name = s.name, t.min_level = s.min_level,
    t.vneid_integrated = s.vneid_integrated, t.integrated_on = s.integrated_on
WHEN NOT MATCHED THEN INSERT (code, agency_code, name, min_level, vneid_integrated, integrated_on)
    VALUES (s.code, s.agency_code, s.name, s.min_level, s.vneid_integrated, s.integrated_on);

-- Insert-only: an existing grant keeps its id and granted_at, so reloading changes nothing.
MERGE INTO staff_grant t
USING (
    SELECT '001190000021' personal_id, 'ADMINISTRATOR' role, CAST(NULL AS VARCHAR2(32)) agency_code FROM dual
    UNION ALL SELECT '079301001234', 'AGENCY_OFFICER', 'UBND-HCM' FROM dual
) s
ON (t.personal_id = s.personal_id AND t.role = s.role
    AND (t.agency_code = s.agency_code OR (t.agency_code IS NULL AND s.agency_code IS NULL)))
WHEN NOT MATCHED THEN INSERT (id, personal_id, role, agency_code, granted_at, granted_by)
    VALUES (staff_grant_seq.NEXTVAL, s.personal_id, s.role, s.agency_code, TIMESTAMP '2024-01-02 08:00:00', 'demo-data');
