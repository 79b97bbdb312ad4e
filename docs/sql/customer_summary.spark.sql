-- The same summary as customer_summary.duckdb.sql in Spark SQL (3.x), for a warehouse with billions
-- of lines: one row per customer comes out. Replace the three ${...} with values, e.g.
-- ${calibration_end} = DATE'1997-09-30', ${holdout_end} = DATE'1998-06-30', ${days_per_unit} = 7.
-- (Written from the DuckDB query, which a test checks against the core; Spark is not run here.)
WITH days AS (
  SELECT customer_id, CAST(ts AS DATE) AS day, SUM(amount) AS spend
  FROM transactions
  WHERE amount IS NULL OR amount >= 0
  GROUP BY customer_id, CAST(ts AS DATE)
), customers AS (
  SELECT customer_id, MIN(day) AS first_day FROM days GROUP BY customer_id
  HAVING MIN(day) <= ${calibration_end}
)
SELECT
  d.customer_id,
  SUM(CASE WHEN d.day <= ${calibration_end} THEN 1 ELSE 0 END) - 1 AS frequency,
  datediff(MAX(CASE WHEN d.day <= ${calibration_end} THEN d.day END), c.first_day)
    / ${days_per_unit} AS recency,
  datediff(${calibration_end}, c.first_day) / ${days_per_unit} AS T,
  COALESCE(AVG(CASE WHEN d.day > c.first_day AND d.day <= ${calibration_end} THEN d.spend END), 0)
    AS monetary_value,
  SUM(CASE WHEN d.day > ${calibration_end} AND d.day <= ${holdout_end} THEN 1 ELSE 0 END)
    AS frequency_holdout
FROM days d JOIN customers c ON d.customer_id = c.customer_id
GROUP BY d.customer_id, c.first_day
ORDER BY d.customer_id;
