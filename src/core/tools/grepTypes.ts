/**
 * File types for Grep's `type` when ripgrep is not installed: the common subset of ripgrep's
 * built-in types (`rg --type-list`), with the same names and globs.
 */
export const GREP_FILE_TYPES: Readonly<Record<string, readonly string[]>> = {
  c: ['*.c', '*.h', '*.H'],
  cpp: ['*.C', '*.cc', '*.cpp', '*.cxx', '*.c++', '*.h', '*.H', '*.hh', '*.hpp', '*.hxx', '*.h++', '*.inl'],
  cs: ['*.cs'],
  css: ['*.css', '*.scss'],
  go: ['*.go'],
  html: ['*.htm', '*.html', '*.ejs'],
  java: ['*.java', '*.jsp', '*.jspx', '*.properties'],
  js: ['*.js', '*.jsx', '*.mjs', '*.cjs', '*.vue'],
  json: ['*.json', '*.jsonl', '*.composer.lock'],
  kotlin: ['*.kt', '*.kts'],
  lua: ['*.lua'],
  markdown: ['*.markdown', '*.md', '*.mdown', '*.mdwn', '*.mkd', '*.mkdn', '*.mdx'],
  md: ['*.markdown', '*.md', '*.mdown', '*.mdwn', '*.mkd', '*.mkdn', '*.mdx'],
  php: ['*.php', '*.php3', '*.php4', '*.php5', '*.phtml'],
  py: ['*.py', '*.pyi'],
  rb: ['*.rb', '*.gemspec', 'Gemfile', '.irbrc', 'Rakefile', '*.rake'],
  ruby: ['*.rb', '*.gemspec', 'Gemfile', '.irbrc', 'Rakefile', '*.rake'],
  rust: ['*.rs'],
  scala: ['*.scala', '*.sbt'],
  sh: ['*.bash', '*.sh', '*.zsh', '.bashrc', '.bash_profile', '.zshrc', '.profile'],
  sql: ['*.sql', '*.psql'],
  swift: ['*.swift'],
  toml: ['*.toml', 'Cargo.lock'],
  ts: ['*.ts', '*.tsx', '*.cts', '*.mts'],
  txt: ['*.txt'],
  xml: ['*.xml', '*.xml.dist', '*.dtd', '*.xsl', '*.xslt', '*.xsd', '*.svg', '*.rng', '*.sch'],
  yaml: ['*.yaml', '*.yml'],
};
