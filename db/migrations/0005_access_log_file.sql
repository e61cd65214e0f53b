-- On PostgreSQL the access log stays where it is. (SQLite moves it to its own
-- file: see 0005_access_log_file.sqlite.sql.)
SELECT 1;
