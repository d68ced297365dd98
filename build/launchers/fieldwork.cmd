@echo off
rem The fieldwork command of the installed desktop app, installed as bin\fieldwork.cmd in the app folder.
rem Runs the CLI packed in the app (out\main\cli.js in resources\app.asar) with the app's own Fieldwork.exe
rem acting as Node (ELECTRON_RUN_AS_NODE=1), so it needs no Node install.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\Fieldwork.exe" "%~dp0..\resources\app.asar\out\main\cli.js" %*
exit /b %ERRORLEVEL%
