roadmap {
  name  = "Bad input"
  start = "2027-01"
}
# 200 candidates scored on 501 criteria: 100,200 scores, over the limit.
vendor "v0" {
  category = "crm"
}
vendor "v1" {
  category = "crm"
}
vendor "v2" {
  category = "crm"
}
vendor "v3" {
  category = "crm"
}
vendor "v4" {
  category = "crm"
}
vendor "v5" {
  category = "crm"
}
vendor "v6" {
  category = "crm"
}
vendor "v7" {
  category = "crm"
}
vendor "v8" {
  category = "crm"
}
vendor "v9" {
  category = "crm"
}
vendor "v10" {
  category = "crm"
}
vendor "v11" {
  category = "crm"
}
vendor "v12" {
  category = "crm"
}
vendor "v13" {
  category = "crm"
}
vendor "v14" {
  category = "crm"
}
vendor "v15" {
  category = "crm"
}
vendor "v16" {
  category = "crm"
}
vendor "v17" {
  category = "crm"
}
vendor "v18" {
  category = "crm"
}
vendor "v19" {
  category = "crm"
}
vendor "v20" {
  category = "crm"
}
vendor "v21" {
  category = "crm"
}
vendor "v22" {
  category = "crm"
}
vendor "v23" {
  category = "crm"
}
vendor "v24" {
  category = "crm"
}
vendor "v25" {
  category = "crm"
}
vendor "v26" {
  category = "crm"
}
vendor "v27" {
  category = "crm"
}
vendor "v28" {
  category = "crm"
}
vendor "v29" {
  category = "crm"
}
vendor "v30" {
  category = "crm"
}
vendor "v31" {
  category = "crm"
}
vendor "v32" {
  category = "crm"
}
vendor "v33" {
  category = "crm"
}
vendor "v34" {
  category = "crm"
}
vendor "v35" {
  category = "crm"
}
vendor "v36" {
  category = "crm"
}
vendor "v37" {
  category = "crm"
}
vendor "v38" {
  category = "crm"
}
vendor "v39" {
  category = "crm"
}
vendor "v40" {
  category = "crm"
}
vendor "v41" {
  category = "crm"
}
vendor "v42" {
  category = "crm"
}
vendor "v43" {
  category = "crm"
}
vendor "v44" {
  category = "crm"
}
vendor "v45" {
  category = "crm"
}
vendor "v46" {
  category = "crm"
}
vendor "v47" {
  category = "crm"
}
vendor "v48" {
  category = "crm"
}
vendor "v49" {
  category = "crm"
}
vendor "v50" {
  category = "crm"
}
vendor "v51" {
  category = "crm"
}
vendor "v52" {
  category = "crm"
}
vendor "v53" {
  category = "crm"
}
vendor "v54" {
  category = "crm"
}
vendor "v55" {
  category = "crm"
}
vendor "v56" {
  category = "crm"
}
vendor "v57" {
  category = "crm"
}
vendor "v58" {
  category = "crm"
}
vendor "v59" {
  category = "crm"
}
vendor "v60" {
  category = "crm"
}
vendor "v61" {
  category = "crm"
}
vendor "v62" {
  category = "crm"
}
vendor "v63" {
  category = "crm"
}
vendor "v64" {
  category = "crm"
}
vendor "v65" {
  category = "crm"
}
vendor "v66" {
  category = "crm"
}
vendor "v67" {
  category = "crm"
}
vendor "v68" {
  category = "crm"
}
vendor "v69" {
  category = "crm"
}
vendor "v70" {
  category = "crm"
}
vendor "v71" {
  category = "crm"
}
vendor "v72" {
  category = "crm"
}
vendor "v73" {
  category = "crm"
}
vendor "v74" {
  category = "crm"
}
vendor "v75" {
  category = "crm"
}
vendor "v76" {
  category = "crm"
}
vendor "v77" {
  category = "crm"
}
vendor "v78" {
  category = "crm"
}
vendor "v79" {
  category = "crm"
}
vendor "v80" {
  category = "crm"
}
vendor "v81" {
  category = "crm"
}
vendor "v82" {
  category = "crm"
}
vendor "v83" {
  category = "crm"
}
vendor "v84" {
  category = "crm"
}
vendor "v85" {
  category = "crm"
}
vendor "v86" {
  category = "crm"
}
vendor "v87" {
  category = "crm"
}
vendor "v88" {
  category = "crm"
}
vendor "v89" {
  category = "crm"
}
vendor "v90" {
  category = "crm"
}
vendor "v91" {
  category = "crm"
}
vendor "v92" {
  category = "crm"
}
vendor "v93" {
  category = "crm"
}
vendor "v94" {
  category = "crm"
}
vendor "v95" {
  category = "crm"
}
vendor "v96" {
  category = "crm"
}
vendor "v97" {
  category = "crm"
}
vendor "v98" {
  category = "crm"
}
vendor "v99" {
  category = "crm"
}
vendor "v100" {
  category = "crm"
}
vendor "v101" {
  category = "crm"
}
vendor "v102" {
  category = "crm"
}
vendor "v103" {
  category = "crm"
}
vendor "v104" {
  category = "crm"
}
vendor "v105" {
  category = "crm"
}
vendor "v106" {
  category = "crm"
}
vendor "v107" {
  category = "crm"
}
vendor "v108" {
  category = "crm"
}
vendor "v109" {
  category = "crm"
}
vendor "v110" {
  category = "crm"
}
vendor "v111" {
  category = "crm"
}
vendor "v112" {
  category = "crm"
}
vendor "v113" {
  category = "crm"
}
vendor "v114" {
  category = "crm"
}
vendor "v115" {
  category = "crm"
}
vendor "v116" {
  category = "crm"
}
vendor "v117" {
  category = "crm"
}
vendor "v118" {
  category = "crm"
}
vendor "v119" {
  category = "crm"
}
vendor "v120" {
  category = "crm"
}
vendor "v121" {
  category = "crm"
}
vendor "v122" {
  category = "crm"
}
vendor "v123" {
  category = "crm"
}
vendor "v124" {
  category = "crm"
}
vendor "v125" {
  category = "crm"
}
vendor "v126" {
  category = "crm"
}
vendor "v127" {
  category = "crm"
}
vendor "v128" {
  category = "crm"
}
vendor "v129" {
  category = "crm"
}
vendor "v130" {
  category = "crm"
}
vendor "v131" {
  category = "crm"
}
vendor "v132" {
  category = "crm"
}
vendor "v133" {
  category = "crm"
}
vendor "v134" {
  category = "crm"
}
vendor "v135" {
  category = "crm"
}
vendor "v136" {
  category = "crm"
}
vendor "v137" {
  category = "crm"
}
vendor "v138" {
  category = "crm"
}
vendor "v139" {
  category = "crm"
}
vendor "v140" {
  category = "crm"
}
vendor "v141" {
  category = "crm"
}
vendor "v142" {
  category = "crm"
}
vendor "v143" {
  category = "crm"
}
vendor "v144" {
  category = "crm"
}
vendor "v145" {
  category = "crm"
}
vendor "v146" {
  category = "crm"
}
vendor "v147" {
  category = "crm"
}
vendor "v148" {
  category = "crm"
}
vendor "v149" {
  category = "crm"
}
vendor "v150" {
  category = "crm"
}
vendor "v151" {
  category = "crm"
}
vendor "v152" {
  category = "crm"
}
vendor "v153" {
  category = "crm"
}
vendor "v154" {
  category = "crm"
}
vendor "v155" {
  category = "crm"
}
vendor "v156" {
  category = "crm"
}
vendor "v157" {
  category = "crm"
}
vendor "v158" {
  category = "crm"
}
vendor "v159" {
  category = "crm"
}
vendor "v160" {
  category = "crm"
}
vendor "v161" {
  category = "crm"
}
vendor "v162" {
  category = "crm"
}
vendor "v163" {
  category = "crm"
}
vendor "v164" {
  category = "crm"
}
vendor "v165" {
  category = "crm"
}
vendor "v166" {
  category = "crm"
}
vendor "v167" {
  category = "crm"
}
vendor "v168" {
  category = "crm"
}
vendor "v169" {
  category = "crm"
}
vendor "v170" {
  category = "crm"
}
vendor "v171" {
  category = "crm"
}
vendor "v172" {
  category = "crm"
}
vendor "v173" {
  category = "crm"
}
vendor "v174" {
  category = "crm"
}
vendor "v175" {
  category = "crm"
}
vendor "v176" {
  category = "crm"
}
vendor "v177" {
  category = "crm"
}
vendor "v178" {
  category = "crm"
}
vendor "v179" {
  category = "crm"
}
vendor "v180" {
  category = "crm"
}
vendor "v181" {
  category = "crm"
}
vendor "v182" {
  category = "crm"
}
vendor "v183" {
  category = "crm"
}
vendor "v184" {
  category = "crm"
}
vendor "v185" {
  category = "crm"
}
vendor "v186" {
  category = "crm"
}
vendor "v187" {
  category = "crm"
}
vendor "v188" {
  category = "crm"
}
vendor "v189" {
  category = "crm"
}
vendor "v190" {
  category = "crm"
}
vendor "v191" {
  category = "crm"
}
vendor "v192" {
  category = "crm"
}
vendor "v193" {
  category = "crm"
}
vendor "v194" {
  category = "crm"
}
vendor "v195" {
  category = "crm"
}
vendor "v196" {
  category = "crm"
}
vendor "v197" {
  category = "crm"
}
vendor "v198" {
  category = "crm"
}
vendor "v199" {
  category = "crm"
}
evaluation "crm" {
  category = "crm"
  criteria = {
    c0 = 1,
    c1 = 1,
    c2 = 1,
    c3 = 1,
    c4 = 1,
    c5 = 1,
    c6 = 1,
    c7 = 1,
    c8 = 1,
    c9 = 1,
    c10 = 1,
    c11 = 1,
    c12 = 1,
    c13 = 1,
    c14 = 1,
    c15 = 1,
    c16 = 1,
    c17 = 1,
    c18 = 1,
    c19 = 1,
    c20 = 1,
    c21 = 1,
    c22 = 1,
    c23 = 1,
    c24 = 1,
    c25 = 1,
    c26 = 1,
    c27 = 1,
    c28 = 1,
    c29 = 1,
    c30 = 1,
    c31 = 1,
    c32 = 1,
    c33 = 1,
    c34 = 1,
    c35 = 1,
    c36 = 1,
    c37 = 1,
    c38 = 1,
    c39 = 1,
    c40 = 1,
    c41 = 1,
    c42 = 1,
    c43 = 1,
    c44 = 1,
    c45 = 1,
    c46 = 1,
    c47 = 1,
    c48 = 1,
    c49 = 1,
    c50 = 1,
    c51 = 1,
    c52 = 1,
    c53 = 1,
    c54 = 1,
    c55 = 1,
    c56 = 1,
    c57 = 1,
    c58 = 1,
    c59 = 1,
    c60 = 1,
    c61 = 1,
    c62 = 1,
    c63 = 1,
    c64 = 1,
    c65 = 1,
    c66 = 1,
    c67 = 1,
    c68 = 1,
    c69 = 1,
    c70 = 1,
    c71 = 1,
    c72 = 1,
    c73 = 1,
    c74 = 1,
    c75 = 1,
    c76 = 1,
    c77 = 1,
    c78 = 1,
    c79 = 1,
    c80 = 1,
    c81 = 1,
    c82 = 1,
    c83 = 1,
    c84 = 1,
    c85 = 1,
    c86 = 1,
    c87 = 1,
    c88 = 1,
    c89 = 1,
    c90 = 1,
    c91 = 1,
    c92 = 1,
    c93 = 1,
    c94 = 1,
    c95 = 1,
    c96 = 1,
    c97 = 1,
    c98 = 1,
    c99 = 1,
    c100 = 1,
    c101 = 1,
    c102 = 1,
    c103 = 1,
    c104 = 1,
    c105 = 1,
    c106 = 1,
    c107 = 1,
    c108 = 1,
    c109 = 1,
    c110 = 1,
    c111 = 1,
    c112 = 1,
    c113 = 1,
    c114 = 1,
    c115 = 1,
    c116 = 1,
    c117 = 1,
    c118 = 1,
    c119 = 1,
    c120 = 1,
    c121 = 1,
    c122 = 1,
    c123 = 1,
    c124 = 1,
    c125 = 1,
    c126 = 1,
    c127 = 1,
    c128 = 1,
    c129 = 1,
    c130 = 1,
    c131 = 1,
    c132 = 1,
    c133 = 1,
    c134 = 1,
    c135 = 1,
    c136 = 1,
    c137 = 1,
    c138 = 1,
    c139 = 1,
    c140 = 1,
    c141 = 1,
    c142 = 1,
    c143 = 1,
    c144 = 1,
    c145 = 1,
    c146 = 1,
    c147 = 1,
    c148 = 1,
    c149 = 1,
    c150 = 1,
    c151 = 1,
    c152 = 1,
    c153 = 1,
    c154 = 1,
    c155 = 1,
    c156 = 1,
    c157 = 1,
    c158 = 1,
    c159 = 1,
    c160 = 1,
    c161 = 1,
    c162 = 1,
    c163 = 1,
    c164 = 1,
    c165 = 1,
    c166 = 1,
    c167 = 1,
    c168 = 1,
    c169 = 1,
    c170 = 1,
    c171 = 1,
    c172 = 1,
    c173 = 1,
    c174 = 1,
    c175 = 1,
    c176 = 1,
    c177 = 1,
    c178 = 1,
    c179 = 1,
    c180 = 1,
    c181 = 1,
    c182 = 1,
    c183 = 1,
    c184 = 1,
    c185 = 1,
    c186 = 1,
    c187 = 1,
    c188 = 1,
    c189 = 1,
    c190 = 1,
    c191 = 1,
    c192 = 1,
    c193 = 1,
    c194 = 1,
    c195 = 1,
    c196 = 1,
    c197 = 1,
    c198 = 1,
    c199 = 1,
    c200 = 1,
    c201 = 1,
    c202 = 1,
    c203 = 1,
    c204 = 1,
    c205 = 1,
    c206 = 1,
    c207 = 1,
    c208 = 1,
    c209 = 1,
    c210 = 1,
    c211 = 1,
    c212 = 1,
    c213 = 1,
    c214 = 1,
    c215 = 1,
    c216 = 1,
    c217 = 1,
    c218 = 1,
    c219 = 1,
    c220 = 1,
    c221 = 1,
    c222 = 1,
    c223 = 1,
    c224 = 1,
    c225 = 1,
    c226 = 1,
    c227 = 1,
    c228 = 1,
    c229 = 1,
    c230 = 1,
    c231 = 1,
    c232 = 1,
    c233 = 1,
    c234 = 1,
    c235 = 1,
    c236 = 1,
    c237 = 1,
    c238 = 1,
    c239 = 1,
    c240 = 1,
    c241 = 1,
    c242 = 1,
    c243 = 1,
    c244 = 1,
    c245 = 1,
    c246 = 1,
    c247 = 1,
    c248 = 1,
    c249 = 1,
    c250 = 1,
    c251 = 1,
    c252 = 1,
    c253 = 1,
    c254 = 1,
    c255 = 1,
    c256 = 1,
    c257 = 1,
    c258 = 1,
    c259 = 1,
    c260 = 1,
    c261 = 1,
    c262 = 1,
    c263 = 1,
    c264 = 1,
    c265 = 1,
    c266 = 1,
    c267 = 1,
    c268 = 1,
    c269 = 1,
    c270 = 1,
    c271 = 1,
    c272 = 1,
    c273 = 1,
    c274 = 1,
    c275 = 1,
    c276 = 1,
    c277 = 1,
    c278 = 1,
    c279 = 1,
    c280 = 1,
    c281 = 1,
    c282 = 1,
    c283 = 1,
    c284 = 1,
    c285 = 1,
    c286 = 1,
    c287 = 1,
    c288 = 1,
    c289 = 1,
    c290 = 1,
    c291 = 1,
    c292 = 1,
    c293 = 1,
    c294 = 1,
    c295 = 1,
    c296 = 1,
    c297 = 1,
    c298 = 1,
    c299 = 1,
    c300 = 1,
    c301 = 1,
    c302 = 1,
    c303 = 1,
    c304 = 1,
    c305 = 1,
    c306 = 1,
    c307 = 1,
    c308 = 1,
    c309 = 1,
    c310 = 1,
    c311 = 1,
    c312 = 1,
    c313 = 1,
    c314 = 1,
    c315 = 1,
    c316 = 1,
    c317 = 1,
    c318 = 1,
    c319 = 1,
    c320 = 1,
    c321 = 1,
    c322 = 1,
    c323 = 1,
    c324 = 1,
    c325 = 1,
    c326 = 1,
    c327 = 1,
    c328 = 1,
    c329 = 1,
    c330 = 1,
    c331 = 1,
    c332 = 1,
    c333 = 1,
    c334 = 1,
    c335 = 1,
    c336 = 1,
    c337 = 1,
    c338 = 1,
    c339 = 1,
    c340 = 1,
    c341 = 1,
    c342 = 1,
    c343 = 1,
    c344 = 1,
    c345 = 1,
    c346 = 1,
    c347 = 1,
    c348 = 1,
    c349 = 1,
    c350 = 1,
    c351 = 1,
    c352 = 1,
    c353 = 1,
    c354 = 1,
    c355 = 1,
    c356 = 1,
    c357 = 1,
    c358 = 1,
    c359 = 1,
    c360 = 1,
    c361 = 1,
    c362 = 1,
    c363 = 1,
    c364 = 1,
    c365 = 1,
    c366 = 1,
    c367 = 1,
    c368 = 1,
    c369 = 1,
    c370 = 1,
    c371 = 1,
    c372 = 1,
    c373 = 1,
    c374 = 1,
    c375 = 1,
    c376 = 1,
    c377 = 1,
    c378 = 1,
    c379 = 1,
    c380 = 1,
    c381 = 1,
    c382 = 1,
    c383 = 1,
    c384 = 1,
    c385 = 1,
    c386 = 1,
    c387 = 1,
    c388 = 1,
    c389 = 1,
    c390 = 1,
    c391 = 1,
    c392 = 1,
    c393 = 1,
    c394 = 1,
    c395 = 1,
    c396 = 1,
    c397 = 1,
    c398 = 1,
    c399 = 1,
    c400 = 1,
    c401 = 1,
    c402 = 1,
    c403 = 1,
    c404 = 1,
    c405 = 1,
    c406 = 1,
    c407 = 1,
    c408 = 1,
    c409 = 1,
    c410 = 1,
    c411 = 1,
    c412 = 1,
    c413 = 1,
    c414 = 1,
    c415 = 1,
    c416 = 1,
    c417 = 1,
    c418 = 1,
    c419 = 1,
    c420 = 1,
    c421 = 1,
    c422 = 1,
    c423 = 1,
    c424 = 1,
    c425 = 1,
    c426 = 1,
    c427 = 1,
    c428 = 1,
    c429 = 1,
    c430 = 1,
    c431 = 1,
    c432 = 1,
    c433 = 1,
    c434 = 1,
    c435 = 1,
    c436 = 1,
    c437 = 1,
    c438 = 1,
    c439 = 1,
    c440 = 1,
    c441 = 1,
    c442 = 1,
    c443 = 1,
    c444 = 1,
    c445 = 1,
    c446 = 1,
    c447 = 1,
    c448 = 1,
    c449 = 1,
    c450 = 1,
    c451 = 1,
    c452 = 1,
    c453 = 1,
    c454 = 1,
    c455 = 1,
    c456 = 1,
    c457 = 1,
    c458 = 1,
    c459 = 1,
    c460 = 1,
    c461 = 1,
    c462 = 1,
    c463 = 1,
    c464 = 1,
    c465 = 1,
    c466 = 1,
    c467 = 1,
    c468 = 1,
    c469 = 1,
    c470 = 1,
    c471 = 1,
    c472 = 1,
    c473 = 1,
    c474 = 1,
    c475 = 1,
    c476 = 1,
    c477 = 1,
    c478 = 1,
    c479 = 1,
    c480 = 1,
    c481 = 1,
    c482 = 1,
    c483 = 1,
    c484 = 1,
    c485 = 1,
    c486 = 1,
    c487 = 1,
    c488 = 1,
    c489 = 1,
    c490 = 1,
    c491 = 1,
    c492 = 1,
    c493 = 1,
    c494 = 1,
    c495 = 1,
    c496 = 1,
    c497 = 1,
    c498 = 1,
    c499 = 1,
    c500 = 1
  }
}
