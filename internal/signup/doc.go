// Package signup turns a sign-up form's spreadsheet (a CSV export from
// Microsoft Forms, Google Forms or Excel) into signatory pages, and says
// before anything is written what it would create, update or leave alone.
//
// It promises that:
//
//   - every row is checked by the same rules as "coproduce check": the page
//     a row would become is read by package content and its text checked by
//     package check, and each problem is reported as FILE.csv:ROW:COL,
//     naming the column's header and saying what to change;
//   - it never overwrites a file, never writes the same organisation twice
//     (the same website domain or the same name is the same organisation),
//     and changes an existing page only when asked to update it, so running
//     the same export again changes nothing;
//   - answers that identify a person (the respondent's email address, name
//     or phone number) are never written under content/: they are dropped,
//     or kept only in a contacts file outside the published folders;
//   - free-text answers are kept as the organisation wrote them, escaped so
//     that no answer can become a heading, a link or markup;
//   - it never panics on any file, whatever its encoding or shape.
//
// # Reading a form's export
//
// [ReadTable] accepts UTF-8 with or without a byte-order mark, UTF-16 with
// a byte-order mark (Excel's "Unicode Text"), and Windows-1252 (Excel's
// plain "CSV" on Windows) when the bytes are not UTF-8; commas, semicolons
// or tabs between answers, found from the header row or from Excel's
// "sep=" line; quoted answers with commas, quotes and line breaks in them;
// and CRLF or LF line ends. ROW counts the rows as a spreadsheet shows
// them, the header being row 1, and COL counts columns from 1.
//
// # Columns
//
// A column is matched to a signatory key by its header, ignoring case,
// spacing and a closing "?", ":" or "*" (see [Fields] for the names). A
// mapping file names other headers. The form's own columns (ID, start and
// completion times, Google's Timestamp) are left out; columns that hold
// personal data go only to the contacts file; any other column is left out
// with a warning, so nothing is published that the editor did not expect.
package signup
