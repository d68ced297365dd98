@echo off
rem The fieldwork command of the installed desktop app, installed as bin\fieldwork.cmd in the app folder.
rem Starts the app's own Fieldwork.exe with --fieldwork-cli, whose main process runs the CLI packed in the app
rem instead of opening a window, so it needs no Node install (the RunAsNode fuse is off). After -- every
rem argument is the command's. A batch file waits for the app to exit and passes its exit code on.
setlocal
"%~dp0..\Fieldwork.exe" --fieldwork-cli -- %*
exit /b %ERRORLEVEL%
