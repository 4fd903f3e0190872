console.log("third party");
