namespace SqlProxy.Host.RuleTests;

/// <summary>Reports a problem in a test file at a line and column (from 1), with optional help.</summary>
internal delegate void ReportProblem(int line, int column, string message, string? help = null);
