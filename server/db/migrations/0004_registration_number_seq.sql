-- Registration numbers: one sequence for all rounds (no lock per round; gaps after a refused submission are harmless).
CREATE SEQUENCE IF NOT EXISTS registration_number_seq START 1;
