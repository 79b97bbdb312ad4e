-- One row per customer for the customer-base models (a Servimetrics "customer summary" file),
-- from a table of transaction lines transactions(customer_id, ts, amount), the way the core builds
-- it (docs/MODELS.md): a purchase is a distinct day; returns (amount < 0) are not purchases; a
-- line of 0 or without an amount is a purchase day; a day's spend is the sum of its known amounts.
-- Set first: SET VARIABLE calibration_end = DATE '1997-09-30'; SET VARIABLE holdout_end = ...;
--            SET VARIABLE days_per_unit = 7;  (1 day, 7 week, 365.25 / 12 month)
WITH days AS (
  SELECT customer_id, CAST(ts AS DATE) AS day, SUM(amount) AS spend
  FROM transactions
  WHERE amount IS NULL OR amount >= 0
  GROUP BY ALL
), customers AS (
  SELECT customer_id, MIN(day) AS first_day FROM days GROUP BY customer_id
  HAVING MIN(day) <= getvariable('calibration_end')
)
SELECT
  customer_id,
  COUNT(*) FILTER (WHERE day <= getvariable('calibration_end')) - 1 AS frequency,
  date_diff('day', first_day, MAX(day) FILTER (WHERE day <= getvariable('calibration_end')))
    / getvariable('days_per_unit') AS recency,
  date_diff('day', first_day, getvariable('calibration_end')) / getvariable('days_per_unit') AS T,
  COALESCE(AVG(spend) FILTER (WHERE day > first_day AND day <= getvariable('calibration_end')), 0)
    AS monetary_value,
  COUNT(*) FILTER (WHERE day > getvariable('calibration_end')
                     AND day <= getvariable('holdout_end')) AS frequency_holdout
FROM days JOIN customers USING (customer_id)
GROUP BY customer_id, first_day
ORDER BY customer_id;
