-- Live clocks started under the old start rule are RECOMPUTED (docs/decisions/0003-conduct-process-rules.md,
-- "Clocks already running"). The barred- and advisory-list returns count "5 working days beginning with the
-- date of" the event (Police Barred List and Police Advisory List Regulations 2017 reg 3(1), reg 12(1)): when
-- the event day is a working day the due date is the working day before the one computed under the old
-- "first working day after" rule; when it is not, the two rules give the same day. Warnings run from their
-- notification (Conduct Regs reg 42(4)), so their last day in force is one calendar day earlier.
-- Met and cancelled clocks keep their history. The working-day calendar below is the England and Wales one
-- computed by src/features/clocks/bank-holidays.ts for 2017–2035 (weekends excluded separately).
CREATE TEMPORARY TABLE legal_bank_holidays (day date PRIMARY KEY);
--> statement-breakpoint
INSERT INTO legal_bank_holidays (day) SELECT unnest(ARRAY['2017-01-02', '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-08-28', '2017-12-25', '2017-12-26', '2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-08-27', '2018-12-25', '2018-12-26', '2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26', '2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28', '2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28', '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27', '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26', '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26', '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26', '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28', '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26', '2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26', '2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26', '2031-01-01', '2031-04-11', '2031-04-14', '2031-05-05', '2031-05-26', '2031-08-25', '2031-12-25', '2031-12-26', '2032-01-01', '2032-03-26', '2032-03-29', '2032-05-03', '2032-05-31', '2032-08-30', '2032-12-27', '2032-12-28', '2033-01-03', '2033-04-15', '2033-04-18', '2033-05-02', '2033-05-30', '2033-08-29', '2033-12-26', '2033-12-27', '2034-01-02', '2034-04-07', '2034-04-10', '2034-05-01', '2034-05-29', '2034-08-28', '2034-12-25', '2034-12-26', '2035-01-01', '2035-03-23', '2035-03-26', '2035-05-07', '2035-05-28', '2035-08-27', '2035-12-25', '2035-12-26']::date[]);
--> statement-breakpoint
UPDATE clocks c
SET due_on = (
  SELECT max(d)::date
  FROM generate_series(c.started_on::timestamp, (c.due_on - 1)::timestamp, interval '1 day') AS d
  WHERE extract(isodow FROM d) < 6 AND d::date NOT IN (SELECT day FROM legal_bank_holidays)
)
WHERE c.period IN ('barred_list_return', 'advisory_list_return')
  AND c.state IN ('running', 'due', 'overdue')
  AND c.due_on > c.started_on
  AND extract(isodow FROM c.started_on) < 6
  AND c.started_on NOT IN (SELECT day FROM legal_bank_holidays);
--> statement-breakpoint
UPDATE clocks
SET due_on = due_on - 1
WHERE period IN ('written_warning_expiry', 'final_written_warning_expiry')
  AND state IN ('running', 'due', 'overdue');
--> statement-breakpoint
DROP TABLE legal_bank_holidays;
