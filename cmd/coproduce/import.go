package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/signup"
	"github.com/coproduce/coproduce/internal/site"
)

// runImport reads a sign-up form's CSV export and, by default, only says
// what it would do; --write makes the pages.
func runImport(e *env, args []string) int {
	c := commands()["import"]
	fs := newFlags("import")
	src := fs.String("s", ".", "the site folder, with site.yaml and content/")
	pledge := fs.String("pledge", "", "the file name (without .md) of the pledge every row signs; without it, a \"Pledge\" column or the site's only pledge")
	mapFile := fs.String("map", "", "a mapping file naming the form's other headers, and which way round its dates are written")
	write := fs.Bool("write", false, "make the new pages; without it nothing is written")
	update := fs.Bool("update", false, "also change pages already on the site whose answers differ")
	contacts := fs.String("contacts", "", "a CSV file outside the site to keep the respondents' email addresses and names in, for renewal reminders")
	questions := fs.Bool("questions", false, "print the questions a form needs for this site, and stop")
	more := c.summary + ".\n\nFILE.csv is the answers exported from Microsoft Forms, Google Forms or Excel. Nothing is written without --write, no file is ever written over, and an organisation already on the site (the same website or name) is shown and left alone unless --update is given. Email addresses and names of the people who filled in the form never go into the site"
	rest, code := parseFlags(fs, args, c.usage, more, e)
	if code >= 0 {
		return code
	}
	if info, err := os.Stat(*src); err != nil || !info.IsDir() {
		return usageError(e, "import", c.usage, "%s is not a folder", *src)
	}
	source, err := site.OpenSource(*src)
	if err != nil {
		return usageError(e, "import", c.usage, "%v", err)
	}
	if *questions {
		if len(rest) > 0 {
			return usageError(e, "import", c.usage, "unexpected %q: --questions reads no file", rest[0])
		}
		if err := signup.Questions(e.stdout, source, *pledge); err != nil {
			return usageError(e, "import", c.usage, "%v", err)
		}
		return exitOK
	}
	switch {
	case len(rest) == 0:
		return usageError(e, "import", c.usage, "name the CSV file of the form's answers, such as: coproduce import answers.csv")
	case len(rest) > 1:
		return usageError(e, "import", c.usage, "unexpected %q; import one file at a time, and put a name with spaces in quotes", rest[1])
	}
	csvFile := rest[0]
	data, err := os.ReadFile(csvFile)
	if err != nil {
		return usageError(e, "import", c.usage, "could not read %s: %v", csvFile, readProblem(err))
	}
	var contactsWarning string
	if *contacts != "" {
		if contactsWarning, err = signup.ContactsPlace(*src, *contacts); err != nil {
			return usageError(e, "import", c.usage, "%v", err)
		}
	}

	var diags diag.List
	var mapping *signup.Mapping
	if *mapFile != "" {
		mdata, err := os.ReadFile(*mapFile)
		if err != nil {
			return usageError(e, "import", c.usage, "could not read %s: %v", *mapFile, readProblem(err))
		}
		mapping, diags = signup.ParseMapping(*mapFile, mdata)
		if mapping == nil {
			printDiags(e.stderr, diags)
			return exitContent
		}
	}
	plan, err := signup.Prepare(signup.Options{Source: source, File: csvFile, Data: data, Pledge: *pledge, Mapping: mapping})
	if errors.Is(err, signup.ErrPledge) {
		return usageError(e, "import", c.usage, "%v", err)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "coproduce import: %v\n", err)
		return exitContent
	}
	diags = append(diags, plan.Diags...)

	var done *signup.Written
	if *write {
		done, err = plan.Write(*src, *update, *contacts)
		if err != nil {
			fmt.Fprintf(e.stderr, "coproduce import: could not write: %v\n", err)
			return exitContent
		}
	}
	plan.WriteReport(e.stdout, *update, done)
	reportContacts(e, plan, *contacts, contactsWarning, done)
	printDiags(e.stderr, diags)
	if diags.HasErrors() {
		return exitContent
	}
	return exitOK
}

// reportContacts says where the respondents' details went, and that they
// must stay private.
func reportContacts(e *env, plan *signup.Plan, file, warning string, done *signup.Written) {
	if plan.Contacts.Len() == 0 {
		return
	}
	if file == "" {
		fmt.Fprintf(e.stdout, "The details of %d people who filled in the form were left out. To keep them for renewal reminders, import with --contacts FILE, naming a file outside the site folder.\n", plan.Contacts.Len())
		return
	}
	switch {
	case done == nil:
		fmt.Fprintf(e.stdout, "Would keep the details of %d people in %s, not on the site.\n", plan.Contacts.Len(), file)
	case done.ContactsAdded == 0:
		fmt.Fprintf(e.stdout, "%s already holds the details of these people.\n", file)
	default:
		fmt.Fprintf(e.stdout, "Kept the details of %d people in %s, not on the site.\n", done.ContactsAdded, file)
	}
	fmt.Fprintf(e.stdout, "Keep %s private: it holds personal data, which UK GDPR says you must protect. Share it only with the people who send reminders, and delete it when it is no longer needed.\n", filepath.Base(file))
	if warning != "" {
		fmt.Fprintf(e.stdout, "Warning: %s.\n", warning)
	}
}

// readProblem words a file error without Go's "open name:" prefix.
func readProblem(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
